import { readChunkBlock } from './block-reader';
import { readChunkExact } from './exact-reader';
import { type Chunk, type StreamPiece, splitStream } from './split-stream';

/** A document read from a YAML stream, or the reason it could not be read. */
export interface ReadDocument {
  /** Index of the document in its stream, from 0. */
  readonly index: number;
  /** 1-based line the document starts on. */
  readonly line: number;
  /** The document as plain data, when it parsed. @default - absent when the document did not parse */
  readonly value?: unknown;
  /** Parse errors with their line and column, when it did not. */
  readonly errors: readonly string[];
}

/** Limits that keep hostile input (alias bombs, deep nesting) bounded in time and memory. */
export interface ReadLimits {
  /** Most alias dereferences a document may make ("billion laughs"). @default 1000 */
  readonly maxAliasCount?: number;
  /** Deepest nesting of maps and lists. @default 100 */
  readonly maxDepth?: number;
}

/**
 * Reads a YAML stream the way kubectl 1.27 does (sigs.k8s.io/yaml v1.3.0 on gopkg.in/yaml.v2
 * v2.4.0; see go-yaml-resolve.ts): an unquoted `yes` is true, `0755` is 493, `08` is 8, `12:30`
 * and `2001-12-14` stay strings, `1e3: x` has the key "1000", merges apply in document order.
 * Documents are cut as kubectl cuts them (lines starting with `---`); empty ones are dropped.
 * Stricter than kubectl on purpose: a key written twice in one mapping is an error ("already set
 * in map", as go-yaml's strict mode says) where kubectl keeps one silently. Numbers are JS
 * numbers: an integer beyond 2^53 reads as the nearest one, as in any JSON reader but Go's, and
 * its exact value is recorded beside the document (validate/exact-integers.ts) for the decoder's
 * int64 range check, which needs the digits kubectl sends.
 * Never throws: a document that can't be read carries its errors, with line and column.
 */
export function readYamlStream(text: string, limits: ReadLimits = {}): ReadDocument[] {
  return [...readStream([{ text, line: 1 }], limits, true, false)];
}

/** A document with the chunk it was read from, for finding its fields' positions (positions.ts). */
export interface SourcedDocument extends ReadDocument {
  /** @default - absent for the error that ends a stream at a bad separator */
  readonly source?: Chunk;
}

/**
 * readYamlStream one document at a time, each read when it is asked for: a caller that handles a
 * document before taking the next keeps only that one alive, which spares the garbage collector.
 * Each comes with its chunk.
 * For the checking pipeline; not exported by the package.
 */
export function readYamlDocuments(text: string, limits: ReadLimits = {}): Iterable<SourcedDocument> {
  return readStream([{ text, line: 1 }], limits, true, true);
}

/**
 * readYamlDocuments of a stream given as its pieces (split-stream.ts's streamPieces): the same
 * documents, lines and errors as of the pieces joined.
 */
export function readYamlPieces(pieces: readonly StreamPiece[], limits: ReadLimits = {}): Iterable<SourcedDocument> {
  return readStream(pieces, limits, true, true);
}

/**
 * readYamlStream without the block reader: every chunk through the exact reader.
 * For tests that hold the block reader to the exact reader; not exported by the package.
 */
export function readYamlStreamExact(text: string, limits: ReadLimits = {}): ReadDocument[] {
  return [...readStream([{ text, line: 1 }], limits, false, false)];
}

function* readStream(
  pieces: readonly StreamPiece[],
  limits: ReadLimits,
  block: boolean,
  sourced: boolean,
): Generator<SourcedDocument> {
  const maxAliasCount = limits.maxAliasCount ?? 1000;
  const maxDepth = limits.maxDepth ?? 100;
  let index = 0;
  try {
    for (const piece of pieces) {
      const { chunks, error } = piece.whole
        ? { chunks: [{ text: piece.text, line: piece.line }], error: undefined }
        : splitStream(piece.text, piece.line);
      for (const chunk of chunks) {
        const doc = readChunk(chunk, index, maxAliasCount, maxDepth, block);
        if (doc === undefined) continue;
        index++;
        if (sourced) (doc as { source?: Chunk }).source = chunk;
        yield doc;
      }
      if (error) {
        // An invalid separator ends the stream.
        yield { index: index++, line: error.line, errors: [error.message] };
        return;
      }
    }
  } catch (e) {
    yield { index: index++, line: 1, errors: [`cannot read YAML: ${(e as Error).message}`] };
  }
}

/** The document of a chunk, as the `index`th of its stream; undefined when the chunk holds none. */
function readChunk(
  chunk: Chunk,
  index: number,
  maxAliasCount: number,
  maxDepth: number,
  block: boolean,
): SourcedDocument | undefined {
  const offsetOfContent = chunk.text.search(/[^\s]/);
  const line =
    offsetOfContent < 0 ? chunk.line : chunk.line + (chunk.text.slice(0, offsetOfContent).match(/\n/g)?.length ?? 0);
  // Most chunks are plain block manifests that the block reader reads in one pass. It declines
  // (undefined) anything where it could differ from the exact reader, directives and raw
  // NEL/LS/PS included, so errors are always worded by the exact reader.
  const read = block ? readChunkBlock(chunk.text, maxDepth) : undefined;
  // Built with its fields in place (a spread of a document into a new one takes V8's slow path).
  if (read) return 'empty' in read ? undefined : { index, line, value: read.value, errors: [] };
  const exact = readChunkExact(chunk.text, { firstLine: chunk.line, offsetOfContent, line }, maxAliasCount, maxDepth);
  return exact && { index, ...exact };
}
