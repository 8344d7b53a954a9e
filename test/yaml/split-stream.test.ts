import { describe, expect, it } from 'vitest';
import { readYamlDocuments, readYamlPieces, readYamlStream, splitStream, streamPieces } from '../../src/yaml';
import { random } from '../support/yaml-oracle';

/** 20,000 seeded random streams of up to 7 of `lines`, most ending in a line break. */
function* randomStreams(seed: number, lines: readonly string[]): Generator<string> {
  const next = random(seed);
  for (let i = 0; i < 20_000; i++) {
    let text = '';
    for (let n = Math.floor(next() * 8); n > 0; n--)
      text += lines[Math.floor(next() * lines.length)] + (next() < 0.8 ? '\n' : '');
    yield text;
  }
}

/** The streams whose two answers (got, want) differ, each with both. */
function disagreements(streams: Iterable<string>, answers: (text: string) => [string, string]): string[] {
  const wrong: string[] = [];
  for (const text of streams) {
    const [got, want] = answers(text);
    if (got !== want) wrong.push(`${JSON.stringify(text)}: ${got}, want ${want}`);
  }
  return wrong;
}

/**
 * kubectl's YAMLReader (k8s.io/apimachinery/pkg/util/yaml, v0.27) written the plain way, a string
 * per line: the model splitStream, which slices the text instead, is held to.
 */
function kubectlCut(text: string): ReturnType<typeof splitStream> {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const chunks: { text: string; line: number }[] = [];
  let buffer: string[] = [];
  let start = 1;
  const flush = (): void => {
    if (buffer.length > 0) chunks.push({ text: `${buffer.join('\n')}\n`, line: start });
    buffer = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      flush();
      if (rest !== '' && !rest.startsWith('#')) {
        return {
          chunks,
          error: {
            line: i + 1,
            message: `invalid Yaml document separator: ${rest} (line ${i + 1}; after --- only a comment may follow)`,
          },
        };
      }
      continue;
    }
    if (buffer.length === 0) start = i + 1;
    buffer.push(line);
  }
  flush();
  return { chunks };
}

describe('splitStream cuts the stream as kubectl does', () => {
  it('cuts on every line starting with ---, a block scalar too, and numbers chunks by their first line', () => {
    expect(splitStream('a: 1\n--- # c\nb: |\n  x\n---\n---\nc: 3')).toEqual({
      chunks: [
        { text: 'a: 1\n', line: 1 },
        { text: 'b: |\n  x\n', line: 3 },
        { text: 'c: 3\n', line: 7 },
      ],
    });
    expect(splitStream('b: |\n---\n').chunks).toEqual([{ text: 'b: |\n', line: 1 }]);
  });

  it('drops the CR of CRLF line ends, one per line, and keeps a CR elsewhere', () => {
    expect(splitStream('a: 1\r\n---\r\nb: "x\ry"\r\r\n').chunks).toEqual([
      { text: 'a: 1\n', line: 1 },
      { text: 'b: "x\ry"\r\n', line: 3 },
    ]);
  });

  it('ends the stream at a separator followed by anything but a comment, saying which line', () => {
    const cut = splitStream('a: 1\n--- x\nb: 2\n');
    expect(cut.chunks).toEqual([{ text: 'a: 1\n', line: 1 }]);
    expect(cut.error).toEqual({
      line: 2,
      message: 'invalid Yaml document separator: x (line 2; after --- only a comment may follow)',
    });
    expect(readYamlStream('a: 1\n--- x\nb: 2\n').map((d) => [d.line, d.errors])).toEqual([
      [1, []],
      [2, [cut.error?.message]],
    ]);
  });

  it('cuts 20,000 seeded random streams of separators, comments, CRs and block scalars as the line-by-line model', () => {
    const LINES = [
      'a: 1',
      '---',
      '--- # c',
      '---x',
      '--- x',
      '----',
      '',
      '  ',
      '# c',
      'b: |',
      '  ---',
      'x',
      'c: 2\r',
      '--- \t',
      ' ---',
      'd: [1, 2',
      '---\r',
      '\r',
    ];
    const wrong = disagreements(randomStreams(1_127, LINES), (text) => [
      JSON.stringify(splitStream(text)),
      JSON.stringify(kubectlCut(text)),
    ]);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('streamPieces: the stream as UTF-8 bytes, cut into pieces decoded on their own', () => {
  const read = (docs: Iterable<{ line: number; value?: unknown; errors: readonly string[]; source?: unknown }>) =>
    JSON.stringify([...docs].map((d) => [d.line, d.value, d.errors, d.source]));

  it('cuts at each valid separator after the first line, up to the first invalid one, leaving the separator lines out', () => {
    const text = '--- # first\na: é\n---\nb: 2\n--- x\n---\nc: 3\n';
    expect(streamPieces(Buffer.from(text))).toEqual([
      { text: '--- # first\na: é\n', line: 1 },
      { text: 'b: 2\n--- x\n---\nc: 3\n', line: 4 },
    ]);
    expect(streamPieces(Buffer.from(''))).toEqual([]);
    // Separators in a row give no empty piece; a last separator without a line break ends the stream.
    expect(streamPieces(Buffer.from('a: 1\n---\n--- # c\r\nb: 2\n---'))).toEqual([
      { text: 'a: 1\n', line: 1 },
      { text: 'b: 2\n', line: 4, whole: true },
    ]);
  });

  it('gives a document between two separators as a piece of its own, which splitStream takes whole as its one chunk', () => {
    const pieces = streamPieces(Buffer.from('---\na: 1\n---\nb: 2\n---\nc: 3\r\n---\nd: 4\n--- x\ne: 5\n'));
    expect(pieces).toEqual([
      // The first piece may start with a separator, the last may hold the invalid one, a CR needs splitStream.
      { text: '---\na: 1\n', line: 1 },
      { text: 'b: 2\n', line: 4, whole: true },
      { text: 'c: 3\r\n', line: 6 },
      { text: 'd: 4\n--- x\ne: 5\n', line: 8 },
    ]);
    expect(splitStream(pieces[1].text, pieces[1].line)).toEqual({ chunks: [{ text: 'b: 2\n', line: 4 }] });
  });

  it('reads 20,000 seeded random streams as their text is read: documents, lines, errors and chunks', () => {
    const LINES = [
      'a: 1',
      'k: ünïcödé ✓',
      '---',
      '--- # c',
      '---x',
      '--- x',
      '----',
      '',
      '  ',
      '# c',
      'b: |',
      '  ---',
      'c: 2\r',
      '--- \t',
      '---\u00a0',
      'd: [1, 2',
      '- 1',
      '---\r',
      'e: &x 1',
      'f: *x',
    ];
    const wrong = disagreements(randomStreams(2_034, LINES), (text) => [
      read(readYamlPieces(streamPieces(Buffer.from(text)))),
      read(readYamlDocuments(text)),
    ]);
    expect(wrong.slice(0, 5)).toEqual([]);
    // A piece marked whole is its own one chunk: splitStream gives it back as it is.
    const notWhole = disagreements(randomStreams(2_034, LINES), (text) => {
      const whole = streamPieces(Buffer.from(text)).filter((p) => p.whole);
      return [
        JSON.stringify(whole.map((p) => splitStream(p.text, p.line))),
        JSON.stringify(whole.map((p) => ({ chunks: [{ text: p.text, line: p.line }] }))),
      ];
    });
    expect(notWhole.slice(0, 5)).toEqual([]);
  });
});
