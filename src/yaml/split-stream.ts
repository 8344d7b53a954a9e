/** A document's text as kubectl's YAMLReader cuts it out of the stream. */
export interface Chunk {
  /** The chunk's lines, each ended by `\n`, with the CR of a CRLF line end dropped. */
  readonly text: string;
  /** 1-based line of the chunk's first line in the stream. */
  readonly line: number;
}

/** The chunks of a stream, and the separator line that ended it early, if one did. */
export interface SplitStream {
  readonly chunks: Chunk[];
  readonly error?: { readonly line: number; readonly message: string };
}

const DASH = 0x2d;
const LF = 0x0a;
const NL_DASHES = Buffer.from('\n---');

/**
 * What follows `---` on a separator line, when it makes the line an invalid separator: anything
 * but spaces and a comment. trim() takes the CR of a CRLF line end with the other white space.
 */
function separatorRest(afterDashes: string): string | undefined {
  const rest = afterDashes.trim();
  return rest !== '' && !rest.startsWith('#') ? rest : undefined;
}

/** A part of a stream, from the start of a line, with the 1-based line it starts on. */
export interface StreamPiece {
  readonly text: string;
  readonly line: number;
  /**
   * The piece is one chunk as it is: it holds no line starting with `---`, ends with a line break
   * and has no CR, so splitStream would give its text back whole.
   * @default false
   */
  readonly whole?: boolean;
}

/**
 * UTF-8 bytes of a stream (validated by the caller, BOM removed) as pieces, each decoded on its
 * own: cut at each valid separator line up to the first invalid one (which ends the stream: the
 * piece holding it runs to the end). A separator line is left out of the pieces, the piece after
 * it starting on the next line: it only ends the chunk before it, so splitStream of each piece,
 * at its line, gives the chunks of splitStream of the whole text.
 * Many small strings instead of one per file: a string over V8's large-object size gets pages of
 * its own, mapped and faulted in afresh for each file, which cost several times the decoding. And
 * a piece holding one document is that document's chunk itself, a string of its own rather than
 * a slice of a larger one, which the block reader reads a fifth faster (each character read
 * through a slice goes through its parent). LF and `-` never occur inside a multi-byte UTF-8
 * sequence, so byte offsets cut where the text's lines do.
 */
export function streamPieces(bytes: Uint8Array): StreamPiece[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pieces: StreamPiece[] = [];
  let start = 0;
  let line = 1;
  const cut = (end: number, whole: boolean): void => {
    const text = buffer.toString('utf8', start, end);
    pieces.push(whole && !text.includes('\r') ? { text, line, whole } : { text, line });
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
  };
  // Only lines starting with `---` can cut: found by a native search, not line by line.
  for (let nl = buffer.indexOf(NL_DASHES); nl >= 0; nl = buffer.indexOf(NL_DASHES, nl + 1)) {
    const p = nl + 1;
    const end = buffer.indexOf(LF, p);
    if (separatorRest(buffer.toString('utf8', p + 3, end < 0 ? buffer.length : end)) !== undefined) break;
    // Between the stream's start and the first cut only, a line may start with `---`: every
    // other such line is a cut, or the invalid separator that ends the stream (the last piece).
    if (p > start) cut(p, start > 0);
    // The separator line itself: counted, not kept.
    line++;
    start = end < 0 ? buffer.length : end + 1;
  }
  if (start < buffer.length) cut(buffer.length, false);
  return pieces;
}

/**
 * YAMLReader.Read of k8s.io/apimachinery/pkg/util/yaml (v0.27): kubectl splits the stream on
 * lines starting with `---` itself, before any YAML parsing; the rest of such a line may hold
 * only spaces and a comment ("invalid Yaml document separator" otherwise, which ends the stream).
 * So a `---` line inside a block scalar still splits, and a `%YAML` directive becomes a document
 * of its own that go-yaml refuses. kubectl reads lines with bufio and drops one CR before each
 * LF; so does this. Chunks are slices of the text, not joined lines: most streams are LF-only,
 * and a slice per document is far cheaper than a string per line.
 */
export function splitStream(text: string, firstLine = 1): SplitStream {
  const chunks: Chunk[] = [];
  const hasCr = text.includes('\r');
  let chunkStart = 0;
  let chunkLine = firstLine;
  const flush = (end: number): void => {
    if (end <= chunkStart) return;
    let chunk = text.charCodeAt(end - 1) === 10 ? text.slice(chunkStart, end) : `${text.slice(chunkStart, end)}\n`;
    if (hasCr) chunk = chunk.replace(/\r\n/g, '\n');
    chunks.push({ text: chunk, line: chunkLine });
  };
  for (let p = 0, line = firstLine; p < text.length; line++) {
    const nl = text.indexOf('\n', p);
    const next = nl < 0 ? text.length : nl + 1;
    if (text.charCodeAt(p) === DASH && text.charCodeAt(p + 1) === DASH && text.charCodeAt(p + 2) === DASH) {
      const rest = separatorRest(text.slice(p + 3, nl < 0 ? text.length : nl));
      if (rest !== undefined) {
        flush(p);
        return {
          chunks,
          error: {
            line,
            message: `invalid Yaml document separator: ${rest} (line ${line}; after --- only a comment may follow)`,
          },
        };
      }
      flush(p);
      chunkStart = next;
      chunkLine = line + 1;
    }
    p = next;
  }
  flush(text.length);
  return { chunks };
}
