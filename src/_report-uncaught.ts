/*
 * A SynthValidationError that nobody catches is a user's mistake, not a crash: Node would print
 * the line of App that threw with a caret, the error and a "Node.js vX" trailer around the report.
 * While such an error is in flight, a listener prints just the report and exits 1, as Node would.
 * The listener lives until the next turn of the event loop: long enough for a throw at the top of
 * the program and for a rejection of an async main (both reach 'uncaughtException' in the same
 * turn), short enough that a program which catches the error keeps Node's default handling.
 */

const inFlight = new Set<Error>();
let listening = false;

function onUncaught(error: unknown): void {
  // The program handles uncaught errors itself: Node would not have died, and neither do we.
  if (process.listenerCount('uncaughtException') > 1) return;
  if (error instanceof Error && inFlight.has(error)) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // Not ours: without the listener Node would have died of it; hand it back to Node as it was.
  stopListening();
  process.nextTick(() => {
    throw error;
  });
}

function stopListening(): void {
  if (!listening) return;
  process.removeListener('uncaughtException', onUncaught);
  listening = false;
}

/** Prints `error.message` alone and exits 1 if `error` is not caught by the program. */
export function reportIfUncaught(error: Error): void {
  inFlight.add(error);
  if (!listening) {
    process.on('uncaughtException', onUncaught);
    listening = true;
  }
  setImmediate(() => {
    inFlight.delete(error);
    if (inFlight.size === 0) stopListening();
  }).unref();
}
