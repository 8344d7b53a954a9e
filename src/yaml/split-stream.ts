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

/**
 * YAMLReader.Read of k8s.io/apimachinery/pkg/util/yaml (v0.27): kubectl splits the stream on
 * lines starting with `---` itself, before any YAML parsing; the rest of such a line may hold
 * only spaces and a comment ("invalid Yaml document separator" otherwise, which ends the stream).
 * So a `---` line inside a block scalar still splits, and a `%YAML` directive becomes a document
 * of its own that go-yaml refuses. kubectl reads lines with bufio and drops one CR before each
 * LF; so does this. Chunks are slices of the text, not joined lines: most streams are LF-only,
 * and a slice per document is far cheaper than a string per line.
 */
export function splitStream(text: string): SplitStream {
  const chunks: Chunk[] = [];
  const hasCr = text.includes('\r');
  let chunkStart = 0;
  let chunkLine = 1;
  const flush = (end: number): void => {
    if (end <= chunkStart) return;
    let chunk = text.charCodeAt(end - 1) === 10 ? text.slice(chunkStart, end) : `${text.slice(chunkStart, end)}\n`;
    if (hasCr) chunk = chunk.replace(/\r\n/g, '\n');
    chunks.push({ text: chunk, line: chunkLine });
  };
  for (let p = 0, line = 1; p < text.length; line++) {
    const nl = text.indexOf('\n', p);
    const next = nl < 0 ? text.length : nl + 1;
    if (text.charCodeAt(p) === DASH && text.charCodeAt(p + 1) === DASH && text.charCodeAt(p + 2) === DASH) {
      // trim() takes the CR of a CRLF line end with the other white space.
      const rest = text.slice(p + 3, nl < 0 ? text.length : nl).trim();
      if (rest !== '' && !rest.startsWith('#')) {
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
