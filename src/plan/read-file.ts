/**
 * Reading a side's file for a plan: the bytes into one buffer reused from file to file, the text
 * as pieces of a few documents each (split-stream.ts's streamPieces). A file read whole into a
 * fresh buffer and decoded into one string costs pages mapped and faulted in twice per file,
 * several times the reading and decoding themselves at fleet scale.
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { decodeUtf8, readInputFile } from '../check';
import { type StreamPiece, streamPieces } from '../yaml';

let pool = Buffer.allocUnsafe(0);

/** The bytes of a file, in the shared buffer (valid until the next call); undefined when it is over `maxBytes` or cannot be read. */
function readBytes(file: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) return undefined;
    if (pool.length < size) pool = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, pool, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return pool.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * A file of a side, as readInputFile and decodeUtf8 read it (the same text and errors), the text
 * given as pieces. A file that cannot be read or is too large is left to readInputFile, which
 * words why.
 */
export function readSideFile(
  name: string,
  file: string,
  maxBytes: number,
): { name: string; text?: string; pieces?: StreamPiece[]; error?: string } {
  const bytes = readBytes(file, maxBytes);
  if (bytes === undefined) {
    const { text, error } = readInputFile(file, maxBytes);
    return { name, text, error };
  }
  if (!isUtf8(bytes)) return { name, error: decodeUtf8(bytes).error };
  const bom = BOM.every((b, i) => bytes[i] === b);
  return { name, pieces: streamPieces(bom ? bytes.subarray(3) : bytes) };
}
