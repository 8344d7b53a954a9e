import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readYamlStream, readYamlStreamExact, toYamlStream } from '../../src/yaml';
import { readChunkBlock } from '../../src/yaml/block-reader';
import { findFakeDiscovery, findKubectl127, KubectlDecoder } from '../support/kubectl';
import { CORPORA, daemonSet } from '../support/manifest';
import { exactChunk, kubectlRows, random, yamlFiles } from '../support/yaml-oracle';

/**
 * The block reader (readYamlStream's first reader) must give exactly what the exact reader
 * gives, or decline. These tests hold it to that on the kubectl table, a refusal for each feature
 * outside its subset, the committed examples, the corpora, and generated block YAML.
 */

/** Undefined when the block reader declines or agrees with the exact reader; else what differs. */
function disagreement(text: string, maxDepth = 100): string | undefined {
  const block = readChunkBlock(text, maxDepth);
  if (block === undefined) return undefined;
  const got = 'empty' in block ? 'empty' : block.value;
  const want = exactChunk(text, maxDepth);
  // isDeepStrictEqual tells -0 from 0 and one prototype from another; JSON adds key order.
  if (isDeepStrictEqual(got, want) && JSON.stringify(got) === JSON.stringify(want)) return undefined;
  return `${JSON.stringify(text)}: block ${JSON.stringify(got)}, exact ${JSON.stringify(want)}`;
}

describe('readChunkBlock agrees with the exact reader', () => {
  it('on every row of the kubectl table it takes', () => {
    const rows = kubectlRows().filter((row) => !/^---/m.test(row.yaml));
    const wrong = rows.map((row) => disagreement(row.yaml)).filter((d) => d !== undefined);
    expect(wrong).toEqual([]);
    expect(rows.filter((row) => readChunkBlock(row.yaml, 100) !== undefined).length).toBeGreaterThan(rows.length / 3);
  });

  it("takes every document the synth writes for the committed examples (ConfigMaps' block scalars too), and reads it as the exact reader", () => {
    const dist = path.join(__dirname, '..', '..', 'dist');
    let documents = 0;
    for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.yaml'))) {
      for (const chunk of fs.readFileSync(path.join(dist, file), 'utf8').split(/^---\n/m)) {
        expect(readChunkBlock(chunk, 100), `${file}: ${chunk.slice(0, 60)}`).toBeDefined();
        expect(disagreement(chunk)).toBeUndefined();
        documents++;
      }
    }
    expect(documents).toBeGreaterThanOrEqual(14);
  });

  it('reads values that YAML 1.1 readers take for other types exactly as the synth wrote them', () => {
    const doc = daemonSet((_ds, pod, c) => {
      c.args = [
        '--port=8080',
        'yes',
        'on',
        '0755',
        '08',
        '12:30',
        '1e3',
        '',
        'a: b',
        'a #b',
        "it's",
        '~',
        'null',
        '-',
        '- x',
        '[x]',
        '{}',
      ];
      c.env = [
        { name: 'ON', value: 'on' },
        { name: 'EMPTY', value: '' },
        { name: 'URL', value: 'http://x:80/y?a=b#c' },
      ];
      c.resources = { limits: { cpu: 0.5, memory: '128Mi' }, requests: { cpu: 2 } };
      pod.nodeSelector = { 'kubernetes.io/os': 'linux', yes: 'no', '1': 'one' };
      pod.tolerations = [{ operator: 'Exists' }];
    });
    const text = toYamlStream([doc]);
    const block = readChunkBlock(text, 100);
    expect(block).toEqual({ value: doc });
  });
});

describe('readChunkBlock keeps keys apart that share a hash', () => {
  it('reads keys of equal hash and length, and keys that differ only in spaces, as written', () => {
    // "Aa" and "BB" have the same 31-based hash; spaces are left out of the hash.
    const text = 'Aa: 1\nBB: 2\nx:\n  BB: 3\n  Aa: 4\n  a bc: 5\n  ab c: 6\n  abc: 7\n  a b c: 8\n';
    const want = { Aa: 1, BB: 2, x: { BB: 3, Aa: 4, 'a bc': 5, 'ab c': 6, abc: 7, 'a b c': 8 } };
    expect(readChunkBlock(text, 100)).toEqual({ value: want });
    expect(readChunkBlock(text, 100)).toEqual({ value: want }); // and again, with every key cached
  });
});

describe('readChunkBlock reads values read before as written', () => {
  it('keeps values apart that share a hash, and reads each spelling as its own type', () => {
    // "Aa" and "BB" share a hash; `yes`, `1` and `~` are not strings, `"x"` is quoted, the last is long.
    const long = 'v'.repeat(150);
    const text = `a: Aa\nb: BB\nc: yes\nd: 1\ne: ~\nf: "Aa"\ng: ${long}\nh: [Aa, BB]\n`;
    const want = { a: 'Aa', b: 'BB', c: true, d: 1, e: null, f: 'Aa', g: long, h: ['Aa', 'BB'] };
    for (let i = 0; i < 3; i++) expect(readChunkBlock(text, 100)).toEqual({ value: want });
    expect(readChunkBlock('a: BB\nb: Aa\nc: "yes"\n', 100)).toEqual({ value: { a: 'BB', b: 'Aa', c: 'yes' } });
  });
});

describe('readChunkBlock finds every key written twice in one mapping', () => {
  // The exact reader words the error; the block reader must decline, however the key was cached.
  const twice = (text: string) => expect([text, readChunkBlock(text, 100)]).toEqual([text, undefined]);
  let n = 0;
  const fresh = () => `never_seen_${n++}_${Date.now()}`;

  it('a key read for the first time, repeated', () => {
    const k = fresh();
    twice(`${k}: 1\n${k}: 2\n`);
  });

  it('a cached key repeated, at once or after other keys', () => {
    expect(readChunkBlock('name: a\nimage: b\n', 100)).toEqual({ value: { name: 'a', image: 'b' } });
    twice('name: a\nname: b\n');
    twice('name: a\nimage: b\nname: c\n');
  });

  it('a key written plain and quoted', () => {
    expect(readChunkBlock('name: a\n', 100)).toEqual({ value: { name: 'a' } });
    twice('"name": a\nname: b\n');
    twice("name: a\n'name': b\n");
    twice('x: 1\n"name": a\ny: 2\nname: b\n');
  });

  it('a key repeated after a mapping inside used it too', () => {
    const k = fresh();
    twice(`${k}: 1\nx:\n  ${k}: 2\n${k}: 3\n`);
    twice('name: a\nx:\n  name: b\n  y:\n    name: c\nname: d\n');
    twice('name: a\nitems:\n- name: b\n  name: c\n');
  });

  it('a key repeated after other mappings used it, and after the cache was emptied', () => {
    // Mappings read before and after use the same key; each stays legal on its own.
    expect(readChunkBlock('a:\n  name: 1\nb:\n  name: 2\n', 100)).toEqual({
      value: { a: { name: 1 }, b: { name: 2 } },
    });
    const many = Array.from({ length: 5000 }, (_, i) => `  k${i}: ${i}`).join('\n');
    twice(`name: a\nx:\n${many}\nname: b\n`);
  });
});

/** Each feature the block reader declines: a chunk it takes, and the same with the feature. */
const REFUSALS: ReadonlyArray<readonly [feature: string, taken: string, refused: string]> = [
  ['a folded block scalar', 'v: |-\n  x\n', 'v: >-\n  x\n'],
  ['a block scalar keeping its trailing breaks', 'v: |\n  x\n\n', 'v: |+\n  x\n\n'],
  ['a block scalar indentation indicator', 'v: |\n  x\n', 'v: |2\n   x\n'],
  ['a block scalar without text', 'v: |\n  x\nw: 1\n', 'v: |\nw: 1\n'],
  ['a line of spaces only in a block scalar', 'v: |\n  x\n\n  y\n', 'v: |\n  x\n   \n  y\n'],
  ['a tab in a block scalar', 'v: |\n  x y\n', 'v: |\n  x\ty\n'],
  ['a nested flow sequence', 'v: [a]\n', 'v: [a, [b]]\n'],
  ['a flow mapping in a flow sequence', 'v: [a]\n', 'v: [{a: b}]\n'],
  ['a flow sequence over two lines', 'v: [a, b]\n', 'v: [a,\n  b]\n'],
  ['a comma before the end of a flow sequence', 'v: [a]\n', 'v: [a,]\n'],
  ['a flow item with a space', 'v: [a, b]\n', 'v: [a b]\n'],
  ['a flow item with a colon', 'v: ["a:b"]\n', 'v: [a:b]\n'],
  ['a flow item opening with a dash', 'v: ["-c"]\n', 'v: [-c]\n'],
  ['a flow sequence as a key', 'v: [a]\n', '[a]: x\n'],
  ['a flow mapping with content', 'v: {}\n', 'v: {a: 1}\n'],
  ['a flow collection as a key', 'v: {}\n', '[]: x\n'],
  ['an escape in double quotes', 'v: "a"\n', 'v: "\\n"\n'],
  ['a multi-line plain scalar', 'k: a\nj: b\n', 'k: a\n  b\n'],
  ['a multi-line plain sequence entry', '- a\n- b\n', '- a\n  b\n'],
  ['a multi-line quoted scalar', 'k: "a b"\n', 'k: "a\n  b"\n'],
  ['an anchor', 'a: x\n', 'a: &x x\n'],
  ['an alias', 'a: x\n', 'a: *x\n'],
  ['a tag', 'a: x\n', 'a: !!str x\n'],
  ['a directive', 'a: x\n', '%YAML 1.1\na: x\n'],
  ['a document end marker', 'a: x\n', 'a: x\n...\n'],
  ['an explicit key', 'a: x\n', '? a\n: x\n'],
  ['an integer key', '"1": x\n', '1: x\n'],
  ['a boolean key', '"yes": x\n', 'yes: x\n'],
  ['a null key', '"~": x\n', '~: x\n'],
  ['a merge key', '"<<": x\n', '<<: {}\n'],
  ['a __proto__ key', 'proto: {}\n', '__proto__: {}\n'],
  ['a duplicate key', 'a: 1\nb: 1\n', 'a: 1\na: 1\n'],
  ['an integer beyond 2^53', 'v: 9007199254740991\n', 'v: 9007199254740993\n'],
  ['.inf', 'v: inf\n', 'v: .inf\n'],
  ['a tab', 'v: a b\n', 'v: a\tb\n'],
  ['a tab in a comment', 'v: a # b\n', 'v: a # \tb\n'],
  ['a control character', 'v: ab\n', 'v: a\u0001b\n'],
  ['a raw U+2028', 'v: ab\n', 'v: a\u2028b\n'],
  ['a character outside the BMP', 'v: ab\n', 'v: a\u{1F600}b\n'],
  ['a line over 1000 characters', `v: ${'x'.repeat(990)}\n`, `v: ${'x'.repeat(1100)}\n`],
  ['nesting deeper than the limit', 'a:\n  b: 1\n', 'a:\n  b:\n    c: 1\n'],
  ['a scalar document', 'a: 1\n', '1\n'],
  ['a line less indented than the first', '  a: 1\n  b: 1\n', '  a: 1\nb: 1\n'],
  ['an indentation between two levels', 'a:\n    b: 1\nc: 1\n', 'a:\n    b: 1\n  c: 1\n'],
  ['a value and a key on one line', 'a: b\n', 'a: b: c\n'],
  ['an entry where a key must be', 'a: 1\nb: 2\n', 'a: 1\n- 2\n'],
  ['a comment glued to a quote', 'a: "x" #c\n', 'a: "x"#c\n'],
  ['text after a quoted scalar', 'a: "x"\n', 'a: "x" y\n'],
  ["a sequence entry as a value on the key's line", 'a:\n- x\n', 'a: - x\n'],
];

describe('readChunkBlock hands the next reader what it cannot promise', () => {
  it.each(REFUSALS.map(([feature, taken, refused]) => [feature, taken, refused] as const))(
    '%s',
    (feature, taken, refused) => {
      const maxDepth = feature.startsWith('nesting') ? 2 : 100;
      expect(readChunkBlock(taken, maxDepth), 'the control chunk is taken').toBeDefined();
      expect(disagreement(taken, maxDepth)).toBeUndefined();
      expect(readChunkBlock(refused, maxDepth)).toBeUndefined();
      // And the whole stream still reads as the exact reader reads it.
      expect(JSON.stringify(readYamlStream(refused, { maxDepth }))).toBe(
        JSON.stringify(readYamlStreamExact(refused, { maxDepth })),
      );
    },
  );
});

if (!CORPORA)
  console.warn(
    'NOTICE: yaml-block corpus comparison skipped: set K8S_CORPORA to compare the block reader with the exact reader on every corpus file',
  );

describe.skipIf(!CORPORA)('readChunkBlock on the corpora', () => {
  it('reads every chunk it takes as the exact reader does, and takes most of them', () => {
    let chunks = 0;
    let taken = 0;
    const wrong: string[] = [];
    for (const file of yamlFiles(CORPORA!)) {
      for (const chunk of fs.readFileSync(file, 'utf8').split(/^---.*\n/m)) {
        chunks++;
        if (readChunkBlock(chunk, 100)) taken++;
        const d = disagreement(chunk);
        if (d) wrong.push(`${path.relative(CORPORA!, file)}: ${d.slice(0, 300)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(chunks).toBeGreaterThan(3000);
    expect(taken / chunks).toBeGreaterThan(0.5);
  }, 120_000);
});

/** Keys and scalars near the edges of the subset: YAML 1.1 types, indicators, quotes, comments. */
const WORDS = [
  'a',
  'name',
  'k-1',
  'a.b/c',
  'x y',
  'on',
  'yes',
  'No',
  'true',
  '1',
  '08',
  '0755',
  '1.5',
  '1e3',
  '.5',
  '-1',
  '+1',
  '-0',
  '0x1F',
  '0b101',
  '0o7',
  '1_000',
  '12:30',
  '2001-12-14',
  '2001-12-14T21:59:43Z',
  '~',
  'null',
  '',
  '<<',
  '__proto__',
  'constructor',
  'toString',
  '-x',
  '--config',
  '-',
  ':x',
  '?x',
  'a:b',
  'a: b',
  'a:',
  'a#b',
  'a #b',
  '#a',
  "it's",
  'say "hi"',
  '\u00e9',
  '\u00a0x',
  'x\u00a0',
  '9007199254740993',
  '.inf',
  '-.5',
  '%x',
  '@x',
  '`x',
  '!x',
  '&x',
  '*x',
  '|',
  '>',
  '[x]',
  '{x}',
  '[]',
  '{}',
  'a,b',
  'http://x:80/y',
  ' x',
  'x ',
  '\\',
  'a\\b',
  '...',
  '---',
  '- x',
  '-  x',
  '=',
  '"',
  "'",
  '0.',
  '+.5',
  '1e',
  '0b',
  '-0b1',
  // Flow sequences, inside and outside the one-line subset.
  '[a, b]',
  '[ a ]',
  '[ ]',
  '["x", \'y\']',
  '[1, yes, ~, 0755, 1e3, .5, -1, +1, 08]',
  '[1, yes, 0755, 1e3, .5, +1, 08, 0x1F, 2001-12-14, Off]',
  '[a,b]',
  '[a,]',
  '[a b]',
  '[a:b]',
  '[-c]',
  '[@a]',
  '[a, [b]]',
  '[a, {b: c}]',
  '[a , b ]',
  '["a", ]',
  '[a # c]',
  '["a"b]',
  "['it''s']",
  '[/bin/sh, -c]',
  '[a=b, c.d]',
  '[.inf]',
  '[9007199254740993]',
  '[<<]',
  '["a\\n"]',
  '[a',
  'a]',
  '[a]x',
  '[a] x',
  '[a]#c',
  '[a] #c',
  '[\u00e9]',
];

/** A mapping of the generated tree: its pairs in order, keys possibly repeated. */
interface Pairs {
  readonly pairs: Array<[string, Tree]>;
}
type Tree = string | Tree[] | Pairs;

/** Block scalar headers, inside and outside the reader's subset. */
const BLOCK_HEADERS = ['|', '|', '|-', '|-', '|+', '|2', '|-1', '>', '>-', '|  # c', '|#c', '| x', '|-  '];

/** A small tree of maps, lists and words, as a manifest might hold. */
function tree(next: () => number, depth: number): Tree {
  const r = next();
  if (depth > 3 || r < 0.4) return WORDS[Math.floor(next() * WORDS.length)];
  const n = 1 + Math.floor(next() * 4);
  if (r < 0.6) return Array.from({ length: n }, () => tree(next, depth + 1));
  const pairs: Array<[string, Tree]> = [];
  for (let i = 0; i < n; i++) pairs.push([WORDS[Math.floor(next() * WORDS.length)], tree(next, depth + 1)]);
  return { pairs };
}

/** Renders a tree in one of the many block layouts YAML allows, with comments and spacing at random. */
function render(next: () => number, node: Tree, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const chance = (p: number) => next() < p;
  const scalar = (w: string): string => {
    const r = next();
    if (r < 0.6) return w;
    if (r < 0.8) return `'${w.replace(/'/g, "''")}'`;
    return `"${w}"`;
  };
  const tail = () => (chance(0.1) ? ' # c' : chance(0.05) ? '  ' : '');
  // A block scalar: a header, then lines of words (or empty, or less indented) below `at`.
  const block = (head: string, at: number): string[] => {
    const lines = [`${head} ${BLOCK_HEADERS[Math.floor(next() * BLOCK_HEADERS.length)]}`.replace(/ $/, '')];
    const column = at + 1 + Math.floor(next() * 3);
    for (let n = 1 + Math.floor(next() * 4); n > 0; n--) {
      const r = next();
      const word = WORDS[Math.floor(next() * WORDS.length)];
      lines.push(
        r < 0.15
          ? ''
          : r < 0.25
            ? `${' '.repeat(column + 1 + Math.floor(next() * 2))}${word}`
            : r < 0.3
              ? `${' '.repeat(Math.max(0, column - 1))}${word}`
              : `${' '.repeat(column)}${word}`,
      );
    }
    return lines;
  };
  const extra = (): string[] =>
    chance(0.05) ? [''] : chance(0.05) ? [`${' '.repeat(Math.floor(next() * 6))}# note`] : [];
  if (typeof node === 'string') return [`${pad}${scalar(node)}${tail()}`];
  const step = () => 1 + Math.floor(next() * 3);
  const lines: string[] = [];
  if (Array.isArray(node)) {
    if (node.length === 0) return [`${pad}[]`];
    for (const item of node) {
      lines.push(...extra());
      const dash = chance(0.15) ? '-  ' : '- ';
      if (typeof item === 'string' && chance(0.1)) {
        lines.push(...block(`${pad}${dash.trimEnd()}`, indent));
      } else if (typeof item === 'string') {
        lines.push(`${pad}${dash}${scalar(item)}${tail()}`);
      } else if (chance(0.6)) {
        // Compact: the item's first line on the dash's line.
        const inner = render(next, item, indent + dash.length);
        lines.push(`${pad}${dash}${inner[0].slice(indent + dash.length)}`, ...inner.slice(1));
      } else {
        lines.push(`${pad}-${tail()}`, ...render(next, item, indent + step()));
      }
    }
    return lines;
  }
  for (const [k, v] of node.pairs) {
    lines.push(...extra());
    const key = `${pad}${scalar(k)}${chance(0.05) ? ' ' : ''}:`;
    if (typeof v === 'string' && chance(0.1)) {
      lines.push(...block(key, indent));
    } else if (typeof v === 'string') {
      lines.push(`${key} ${scalar(v)}${tail()}`);
    } else if (Array.isArray(v) && v.length > 0 && chance(0.3)) {
      lines.push(`${key}${tail()}`, ...render(next, v, indent)); // an indentless sequence
    } else {
      lines.push(`${key}${tail()}`, ...render(next, v, indent + step()));
    }
  }
  return lines;
}

/** Small damage: a character or piece put in, a character dropped, a line's indentation moved. */
const DAMAGE = [
  ' ',
  '  ',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  "'",
  '"',
  '[',
  ']',
  '{',
  '}',
  ',',
  '\n',
  '\n  ',
  '?',
  '&',
  '*',
  '!',
  '|',
  '\t',
  'x',
];

function damage(next: () => number, text: string): string {
  const at = Math.floor(next() * text.length);
  const r = next();
  if (r < 0.4) return text.slice(0, at) + DAMAGE[Math.floor(next() * DAMAGE.length)] + text.slice(at);
  if (r < 0.7) return text.slice(0, at) + text.slice(at + 1);
  const lines = text.split('\n');
  const i = Math.floor(next() * lines.length);
  lines[i] = next() < 0.5 ? ` ${lines[i]}` : lines[i].replace(/^ /, '');
  return lines.join('\n');
}

describe('readChunkBlock on generated block YAML', () => {
  it('reads 40,000 seeded random documents, and damaged copies of them, as the exact reader does', () => {
    const next = random(20_261_203);
    let taken = 0;
    let takenDamaged = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const root = tree(next, 0);
      const start = next() < 0.1 ? 2 : 0;
      let text = `${render(next, typeof root === 'string' ? { pairs: [['k', root]] } : root, start).join('\n')}\n`;
      if (readChunkBlock(text, 100)) taken++;
      const d = disagreement(text);
      if (d) wrong.push(d);
      for (let n = 1 + Math.floor(next() * 2); n > 0; n--) text = damage(next, text);
      if (readChunkBlock(text, 100)) takenDamaged++;
      const dd = disagreement(text);
      if (dd) wrong.push(dd);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // Not vacuous: most undamaged documents, and many damaged ones, go through the block reader.
    expect(taken).toBeGreaterThan(12_000);
    expect(takenDamaged).toBeGreaterThan(8_000);
  }, 120_000);
});

const kubectl = findKubectl127();
const discovery = findFakeDiscovery();
if (!kubectl || !discovery)
  console.warn('NOTICE: kubectl 1.27 check of the block reader skipped (needs kubectl.1.27 and K8S_SHARED)');

describe.skipIf(!kubectl || !discovery)('readChunkBlock against kubectl 1.27 itself', () => {
  let decoder: KubectlDecoder;
  beforeAll(async () => {
    decoder = await KubectlDecoder.start(kubectl!, discovery!);
  });
  afterAll(() => decoder?.stop());

  it('reads 300 generated documents as kubectl decodes them (as extra fields of ConfigMaps)', () => {
    const next = random(1_203);
    const texts: string[] = [];
    const ours: unknown[] = [];
    for (let i = 0; texts.length < 300 && i < 100_000; i++) {
      const root = tree(next, 0);
      if (typeof root === 'string' || Array.isArray(root)) continue;
      const body = `${render(next, root, 0).join('\n')}\n`;
      if (/^(?:\s*(?:#.*)?\n)* /.test(body)) continue; // a first key off column 0 would not sit under the header
      const read = readChunkBlock(body, 100);
      if (!read || 'empty' in read) continue;
      if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) continue; // `- x: y` as a key writes a list
      const value = read.value as Record<string, unknown>;
      if (['apiVersion', 'kind', 'metadata'].some((k) => k in value)) continue;
      const name = `fuzz-${texts.length}`;
      texts.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${body}`);
      // kubectl fills in the namespace of its context.
      ours.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, ...value });
    }
    expect(texts.length).toBe(300);
    expect(decoder.decode(texts.join('---\n'))).toEqual(ours);
  }, 60_000);
});
