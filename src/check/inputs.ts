import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A YAML source: a file, or standard input (`-`). */
export interface InputText {
  /** The name shown in reports: the path as given under its root, or `-` for stdin. */
  readonly name: string;
  /** The text, when it could be read. */
  readonly text?: string;
  /** Why it could not be read. */
  readonly error?: string;
}

const YAML_FILE = /\.ya?ml$/i;

/** Files under `dir`, recursively, sorted; hidden folders, node_modules and symlinked folders are passed over. */
function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') stack.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && YAML_FILE.test(entry.name)) {
        out.push(full);
      }
    }
  }
  return out.sort();
}

/** The files named by the command line, directories expanded; `-` stays `-`. Unknown paths throw. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new Error(`no such file or directory: ${p}`);
    out.push(...(stat.isDirectory() ? yamlFilesUnder(p) : [p]));
  }
  return out;
}

/** Decodes bytes as strict UTF-8 (a BOM is dropped), or says where they stop being UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text?: string; error?: string } {
  // isUtf8 (simdutf) then toString: several times faster than a fatal TextDecoder on large input.
  if (!isUtf8(bytes)) return { error: 'not valid UTF-8: YAML input must be UTF-8 text' };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function tooLarge(size: number, max: number): string {
  return `input is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${(max / 1024 / 1024).toFixed(1)} MiB limit: split it, or raise --max-bytes`;
}

/** Reads one file with a size cap, never throwing. */
export function readInputFile(file: string, maxBytes: number): InputText {
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { name: file, error: tooLarge(size, maxBytes) };
    const decoded = decodeUtf8(fs.readFileSync(file));
    return { name: file, ...decoded };
  } catch (e) {
    return { name: file, error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

/** Reads standard input with a size cap, never throwing. */
export async function readStdin(maxBytes: number): Promise<InputText> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return { name: '-', error: tooLarge(size, maxBytes) };
    chunks.push(chunk as Buffer);
  }
  return { name: '-', ...decodeUtf8(Buffer.concat(chunks)) };
}
