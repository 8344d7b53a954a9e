import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readYamlStream, readYamlStreamExact, toYamlStream } from '../src/yaml';
import { readChunkFast } from '../src/yaml-fast';
import { CORPORA, daemonSet } from './support/manifest';
import { exactChunk, kubectlRows, random, yamlFiles } from './support/yaml-oracle';

/**
 * The fast path of readYamlStream (js-yaml with go-yaml's scalar rules) must give exactly what
 * the exact reader gives, or decline. These tests hold it to that: every row of the kubectl table,
 * a refusal for each feature it cannot promise, the corpora, and generated YAML.
 */

/** Both readers on a stream, as JSON (so key order and -0 count too). */
function bothPaths(text: string, maxDepth?: number): { fast: string; exact: string } {
  const limits = maxDepth === undefined ? {} : { maxDepth };
  return {
    fast: JSON.stringify(readYamlStream(text, limits)),
    exact: JSON.stringify(readYamlStreamExact(text, limits)),
  };
}

describe('readYamlStream: the fast path agrees with the exact reader', () => {
  const rows = kubectlRows();

  it('finds every row of the kubectl table (at least 224)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(224);
  });

  it("gives the exact reader's result for every row of the kubectl table, and takes most of them", () => {
    const accepted: string[] = [];
    const wrong = rows.flatMap((row) => {
      const quick = readChunkFast(row.yaml, 100);
      if (quick) accepted.push(row.name);
      const { fast, exact } = bothPaths(row.yaml);
      const want = exactChunk(row.yaml);
      const got = quick === undefined ? want : 'empty' in quick ? 'empty' : quick.value;
      // isDeepStrictEqual tells -0 from 0 and a prototype from another; JSON adds key order.
      const same = fast === exact && isDeepStrictEqual(got, want) && JSON.stringify(got) === JSON.stringify(want);
      return same ? [] : [`${row.name}: fast ${fast}, exact ${exact}`];
    });
    expect(wrong).toEqual([]);
    expect(accepted.length).toBeGreaterThan(rows.length / 2);
  });

  it('reads DaemonSets as the synth writes them through the fast path', () => {
    const docs = [
      daemonSet(),
      daemonSet((_ds, pod, c) => {
        c.args = ['--port=8080', 'yes', '0755', '12:30', '', 'a: b'];
        c.resources = { limits: { cpu: 0.5, memory: '128Mi' }, requests: { cpu: '100m' } };
        c.env = [
          { name: 'ON', value: 'on' },
          { name: 'EMPTY', value: '' },
        ];
        pod.tolerations = [{ operator: 'Exists' }];
        pod.terminationGracePeriodSeconds = 30;
      }),
    ];
    const text = toYamlStream(docs);
    for (const chunk of text.split(/^---\n/m)) expect(readChunkFast(chunk, 100)).toBeDefined();
    expect(readYamlStream(text).map((d) => d.value)).toEqual(docs);
    const { fast, exact } = bothPaths(text);
    expect(fast).toBe(exact);
  });
});

/** Each feature the fast path refuses: a chunk it takes, and the same with the feature, which it must hand to the exact reader. */
const REFUSALS: ReadonlyArray<readonly [feature: string, taken: string, refused: string]> = [
  ['an anchor and an alias', 'a: 1\nb: 1\n', 'a: &x 1\nb: *x\n'],
  ['an alias in a flow sequence', 'a: [1, 1]\n', 'a: &x 1\nb: [1,*x]\n'],
  ['a tag', 'a: "1"\n', 'a: !!int "1"\n'],
  ['a local tag', 'a: x\n', 'a: !foo x\n'],
  ['a merge key', 'b: {a: 1}\nm: {a: 1}\n', 'b: &b {a: 1}\nm: {<<: *b}\n'],
  ['a merge key without an alias', 'm: {a: 1}\n', 'm:\n  <<: {a: 1}\n'],
  ['a %YAML directive', 'a: 1\n', '%YAML 1.1\na: 1\n'],
  ['a document end marker', 'a: 1\n', 'a: 1\n...\nb: 2\n'],
  ['an explicit key', 'a: 1\n', '? a\n: 1\n'],
  ['a list as a key', 'a: [b]\n', '[a]: 1\n'],
  ['a map as a key', 'a: {b: 1}\n', '{a: 1}: 2\n'],
  ['a list as a key in a flow map', 'k: {a: b}\n', 'k: {[a, b]}\n'],
  ['a float key', '"1.5": x\n', '1.5: x\n'],
  ['a float key in exponent form', '"1e6": x\n', '1e6: x\n'],
  ['a null key', '"~": x\n', '~: x\n'],
  ['a key spelled null', 'nul: x\n', 'null: x\n'],
  ['an integer key beyond 2^53', '"9007199254740993": x\n', '9007199254740993: x\n'],
  ['an integer value beyond 2^53', 'v: 9007199254740991\n', 'v: 9007199254740993\n'],
  ['an integer beyond int64', 'v: 1\n', 'v: 9223372036854775808\n'],
  ['a duplicate key', 'a: 1\nb: 2\n', 'a: 1\na: 2\n'],
  ['a key and its quoted spelling', '1: a\n"2": b\n', '1: a\n"1": b\n'],
  ['.inf', 'v: inf\n', 'v: .inf\n'],
  ['.nan in a list', 'v: [1, nan]\n', 'v: [1, .nan]\n'],
  ['a raw U+0085', 'v: ab\n', 'v: a\u0085b\n'],
  ['a raw U+2028', 'v: ab\n', 'v: a\u2028b\n'],
  ['a raw U+2029', 'v: "ab"\n', 'v: "a\u2029b"\n'],
  ['a backslash escape', 'v: "e"\n', 'v: "\\u00e9"\n'],
  ['a tab', 'v: a b\n', 'v: a\tb\n'],
  ['a carriage return inside a line', 'v: ab\n', 'v: a\rb\n'],
  ['a control character', 'v: ab\n', 'v: a\u0001b\n'],
  ['a byte order mark', 'v: ab\n', 'v: a\ufeffb\n'],
  ['a character outside the BMP', 'v: ab\n', 'v: a\u{1F600}b\n'],
  ['a flow list over two lines', 'v: [1, 2]\n', 'v: [1,\n  2]\n'],
  ['a double-quoted scalar over two lines', 'v: "a b"\n', 'v: "a\n  b"\n'],
  ['a single-quoted scalar over two lines', "v: 'a b'\n", "v: 'a\n  b'\n"],
  ['a single-quoted scalar over two lines opening with a quote', "- '''a'\n", "- '''a\n  b'\n"],
  ['a block scalar indentation indicator', 'v: |\n  x\n', 'v: |2\n   x\n'],
  ['an empty sequence entry', '- a\n- b\n', '- \n- b\n'],
  ['a compact nested sequence with an empty entry', '- - a\n- b\n', '- - \n- b\n'],
  ['a comment between a key and its scalar value', 'k:\n  v\n', 'k:\n# c\n  v\n'],
  ['a line of spaces only', 'k: |\n  x\n', 'k: |\n    \n  x\n'],
  ['a comment glued to a closing quote', 'v: "a" #c\n', 'v: "a"#c\n'],
  ['a comment glued to a flow collection', 'v: [] #c\n', 'v: []#c\n'],
  ['a line over 1000 characters', `${'k'.repeat(990)}: x\n`, `${'k'.repeat(1100)}: x\n`],
  ['a scalar document', '- 5\n', '5\n'],
  ['an indented block scalar document', 'a: >\n #c\n', '  >\n #c\n'],
  ['a js-yaml error', 'a: b\n', 'a: b: c\n'],
];

describe('readYamlStream: the fast path hands the exact reader what it cannot promise', () => {
  it.each(REFUSALS.map(([feature, taken, refused]) => [feature, taken, refused] as const))(
    '%s',
    (_feature, taken, refused) => {
      expect(readChunkFast(taken, 100), 'the control chunk goes through the fast path').toBeDefined();
      expect(readChunkFast(refused, 100)).toBeUndefined();
      const { fast, exact } = bothPaths(refused);
      expect(fast).toBe(exact);
    },
  );

  it('refuses nesting deeper than maxDepth, and the exact reader words the error', () => {
    const text = 'a: {b: {c: 1}}\n';
    expect(readChunkFast(text, 3)).toBeDefined();
    expect(readChunkFast(text, 2)).toBeUndefined();
    expect(readYamlStream(text, { maxDepth: 2 })[0].errors.join()).toMatch(/nesting deeper than 2 levels/);
  });

  it("gives a js-yaml error the exact reader's message, line and column", () => {
    const docs = readYamlStream('a: 1\n---\nb: 1\nc: d: e\n');
    expect(docs[1].errors).toEqual(readYamlStreamExact('a: 1\n---\nb: 1\nc: d: e\n')[1].errors);
    expect(docs[1].errors.join()).toMatch(/at line 4, column \d+/);
  });
});

if (!CORPORA)
  console.warn(
    'NOTICE: yaml-fast corpus comparison skipped: set K8S_CORPORA to compare both readers on every corpus file',
  );

describe.skipIf(!CORPORA)('readYamlStream: the fast path on the corpora', () => {
  it('reads every corpus file as the exact reader does, taking most documents', () => {
    let chunks = 0;
    let taken = 0;
    const wrong: string[] = [];
    for (const file of yamlFiles(CORPORA!)) {
      const text = fs.readFileSync(file, 'utf8');
      const { fast, exact } = bothPaths(text);
      if (fast !== exact) wrong.push(path.relative(CORPORA!, file));
      for (const chunk of text.split(/^---.*\n/m)) {
        chunks++;
        if (readChunkFast(chunk, 100)) taken++;
      }
    }
    expect(wrong).toEqual([]);
    expect(chunks).toBeGreaterThan(3000);
    expect(taken / chunks).toBeGreaterThan(0.9);
  }, 120_000);
});

/** Pieces of YAML that sit near the edges of what both parsers read, glued at random. */
const PIECES = [
  'a',
  'key',
  'x y',
  ':',
  ': ',
  ' ',
  '  ',
  '\n',
  '\n  ',
  '\n    ',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  ', ',
  "'",
  '"',
  '#',
  ' #c',
  '|',
  '>',
  '|-',
  '>+',
  '1',
  'yes',
  '~',
  'null',
  '0x1F',
  '1.5',
  '-0',
  '1e3',
  '08',
  '2001-12-14',
  '12:30',
  '.5',
  '=',
  '?',
  '\u00e9',
  '\u00a0',
  '%',
  '@',
  '`',
  'a: b',
  '- a',
  'x:\n  y: 1',
  '"q"',
  "'s'",
  '""',
  "''",
  '{}',
  '[]',
  '\n\n',
  '1_0',
  '+1',
  '0o7',
  'true',
  'Off',
  'y',
  'n',
  '-.5',
  '9007199254740993',
  '\n- ',
  '\n  - ',
  '\n ',
  '\n   ',
  'k2: ',
  '\nk3:',
  '\n  k4: ',
  '>-',
  '|+',
  '\n  #c',
  'x: |\n  l1\n\n  l2',
  'x: >\n  f1\n  f2\n\n   m\n  f3\n',
  '0',
  '-1',
  '"a b"',
  "'a''b'",
  'w2:w3',
  'http://x',
  'a,b',
  '{a: 1}',
  '[a, b]',
  '{a: [1, 2], b: {c: d}}',
];
const OPENINGS = ['', '', 'k:\n', '- ', 'k:\n  ', 'a:\n- ', 'a:\n  b:\n    ', '- - ', 'k: ', '  ', ' '];

describe('readYamlStream: the fast path on generated YAML', () => {
  it("gives the exact reader's result for 30,000 seeded random chunks it takes", () => {
    const next = random(20_261_125);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    let taken = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      let text = pick(OPENINGS);
      for (let n = 1 + Math.floor(next() * 14); n > 0; n--) text += pick(PIECES);
      text += '\n';
      if (!readChunkFast(text, 100)) continue;
      taken++;
      const { fast, exact } = bothPaths(text);
      if (fast !== exact) wrong.push(`${JSON.stringify(text)}: fast ${fast}, exact ${exact}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(taken).toBeGreaterThan(3000);
  }, 60_000);
});

describe("readYamlStream: the fast stream cut agrees with kubectl's", () => {
  it('cuts 20,000 seeded random streams of separators, comments, CRs and block scalars as the exact reader does', () => {
    const next = random(1_127);
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
    ];
    const wrong: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let n = Math.floor(next() * 8); n > 0; n--)
        text += LINES[Math.floor(next() * LINES.length)] + (next() < 0.8 ? '\n' : '');
      const { fast, exact } = bothPaths(text);
      if (fast !== exact) wrong.push(`${JSON.stringify(text)}: fast ${fast}, exact ${exact}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
