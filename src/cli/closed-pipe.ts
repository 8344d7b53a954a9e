/**
 * A reader that stops early (`cdk8s-daemonset plan OLD NEW | head`) closes the pipe; the next write
 * fails with EPIPE, which Node raises as an unhandled 'error' event: a stack trace, and exit 1 in
 * place of the command's own code. Output nobody reads any more is dropped instead: the command
 * finishes and exits with its verdict, so `set -o pipefail` scripts still see it.
 */
export function dropOutputOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    // After the EPIPE the stream is destroyed, and each later write reports that instead.
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    throw e;
  });
}
