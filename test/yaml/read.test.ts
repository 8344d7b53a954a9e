import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readYamlStream } from '../../src/yaml';
import { findFakeDiscovery, findKubectl127, freePort, waitForPort } from '../support/kubectl';

/**
 * How kubectl 1.27 reads YAML, row by row. Every expectation was recorded from the real
 * kubectl 1.27.16 (the oracle at the bottom re-checks each row against it when it is available).
 * ERROR: kubectl refuses the document (and so must we).
 */
const ERROR = Symbol('error');
type Expected = unknown;
interface Row {
  readonly name: string;
  /** A YAML mapping, the whole document. */
  readonly yaml: string;
  readonly want: Expected;
}

/** `v: <spelling>` reads as {v: want}. */
const value = (spelling: string, want: Expected): Row => ({
  name: `value ${JSON.stringify(spelling)}`,
  yaml: `v: ${spelling}\n`,
  want: want === ERROR ? ERROR : { v: want },
});
/** `<spelling>: x` reads as {[want]: "x"}. */
const key = (spelling: string, want: string | typeof ERROR): Row => ({
  name: `key ${JSON.stringify(spelling)}`,
  yaml: `${spelling}: x\n`,
  want: want === ERROR ? ERROR : { [want]: 'x' },
});
const doc = (name: string, yaml: string, want: Expected): Row => ({ name, yaml, want });

const VALUES: Row[] = [
  // Sexagesimals: go-yaml v2 has none (the yaml package's 1.1 schema gives 750 and 685830.15).
  value('12:30', '12:30'),
  value('190:20:30.15', '190:20:30.15'),
  value('-1:30', '-1:30'),
  // Ints: strconv.ParseInt(s, 0, 64) after resolve.go drops every underscore.
  value('0', 0),
  value('-0', 0),
  value('+0', 0),
  value('00', 0),
  value('+1', 1),
  value('-1', -1),
  value('0x1F', 31),
  value('0X1F', 31),
  value('-0x1F', -31),
  value('0x_1F', 31),
  value('0x1f_ff', 8191),
  value('0o17', 15),
  value('0O17', 15),
  value('+0o17', 15),
  value('0o', '0o'),
  value('0755', 493),
  value('-0755', -493),
  value('0_755', 493),
  value('0b101', 5),
  value('0B101', 5),
  value('-0b101', -5),
  value('0b-101', -5),
  value('0b+101', 5),
  value('-0b-101', '-0b-101'),
  value('0b', '0b'),
  value('1_000', 1000),
  value('1__0', 10),
  value('1_', 1),
  value('+_1', 1),
  value('_1', '_1'),
  value('08', 8),
  value('09.5', 9.5),
  value('00x1', '00x1'),
  value('0x', '0x'),
  value('9007199254740993', 9007199254740992),
  // biome-ignore lint/correctness/noPrecisionLoss: the literal is what kubectl's reader yields, rounded as JavaScript rounds it
  value('9223372036854775807', 9223372036854775807),
  // biome-ignore lint/correctness/noPrecisionLoss: the literal is what kubectl's reader yields, rounded as JavaScript rounds it
  value('-9223372036854775808', -9223372036854775808),
  // biome-ignore lint/correctness/noPrecisionLoss: the literal is what kubectl's reader yields, rounded as JavaScript rounds it
  value('9223372036854775808', 9223372036854775808),
  // biome-ignore lint/correctness/noPrecisionLoss: the literal is what kubectl's reader yields, rounded as JavaScript rounds it
  value('18446744073709551615', 18446744073709551615),
  // biome-ignore lint/correctness/noPrecisionLoss: the literal is what kubectl's reader yields, rounded as JavaScript rounds it
  value('0xFFFFFFFFFFFFFFFF', 18446744073709551615),
  value('0x1FFFFFFFFFFFFFFFF', '0x1FFFFFFFFFFFFFFFF'),
  // biome-ignore lint/correctness/noPrecisionLoss: the literal is what kubectl's reader yields, rounded as JavaScript rounds it
  value('-9223372036854775809', -9223372036854775809),
  // biome-ignore lint/correctness/noPrecisionLoss: the literal is what kubectl's reader yields, rounded as JavaScript rounds it
  value('18446744073709551616', 18446744073709551616),
  value('123456789012345678901234567890', 1.2345678901234568e29),
  // Floats: the yamlStyleFloat regexp, strconv.ParseFloat (an overflow leaves the string).
  value('1.5', 1.5),
  value('+1.5', 1.5),
  value('-1.5e+3', -1500),
  value('3.0', 3),
  value('1.', 1),
  value('1.e3', 1000),
  value('1e3', 1000),
  value('1E3', 1000),
  value('2e0_1', 20),
  value('1_0.5', 10.5),
  value('1e-5', 0.00001),
  value('1e21', 1e21),
  value('.5', 0.5),
  value('.5e3', 500),
  value('+.5', 0.5),
  value('-.5', -0.5),
  value('.5_0', 0.5),
  value('.5e1_0', 5e9),
  value('._5', '._5'),
  value('.5_', '.5_'),
  value('.5__0', '.5__0'),
  value('-0.0', 0),
  value('0.0', 0),
  value('1e-400', 0),
  value('1e400', '1e400'),
  value('-1e400', '-1e400'),
  value('1e', '1e'),
  value('1e+', '1e+'),
  value('1.2.3', '1.2.3'),
  value('0x1p3', '0x1p3'),
  value('1,000', '1,000'),
  value('.', '.'),
  value('+', '+'),
  // .inf and .nan resolve, then encoding/json refuses them.
  value('.inf', ERROR),
  value('.Inf', ERROR),
  value('+.inf', ERROR),
  value('-.inf', ERROR),
  value('.nan', ERROR),
  value('.NaN', ERROR),
  value('+.nan', '+.nan'),
  value('-.nan', '-.nan'),
  value('inf', 'inf'),
  value('nan', 'nan'),
  // Bools and nulls: resolve.go's table, nothing else.
  value('y', true),
  value('Y', true),
  value('yes', true),
  value('Yes', true),
  value('YES', true),
  value('yEs', 'yEs'),
  value('n', false),
  value('N', false),
  value('no', false),
  value('No', false),
  value('NO', false),
  value('on', true),
  value('On', true),
  value('ON', true),
  value('oN', 'oN'),
  value('off', false),
  value('Off', false),
  value('OFF', false),
  value('true', true),
  value('True', true),
  value('TRUE', true),
  value('tRUE', 'tRUE'),
  value('false', false),
  value('False', false),
  value('FALSE', false),
  value('~', null),
  value('null', null),
  value('Null', null),
  value('NULL', null),
  value('nULL', 'nULL'),
  value('', null),
  // Timestamps: resolved, then handed to interface{} as their own text (decode.go); never a Date.
  value('2001-12-14', '2001-12-14'),
  value('2002-1-2', '2002-1-2'),
  value('2001-13-14', '2001-13-14'),
  value('2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'),
  value('2001-12-14T21:59:43Z', '2001-12-14T21:59:43Z'),
  value('2001-12-14 21:59:43.10', '2001-12-14 21:59:43.10'),
  value('2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43.10 -5'),
  // Strings that look like something else.
  value('<<', '<<'),
  value('=', '='),
  value('"yes"', 'yes'),
  value("'12'", '12'),
  value("'It''s'", "It's"),
  value('|\n  123', '123\n'),
  value('"\\u00e9\\x41\\N\\_\\L\\P"', '\u00e9A\u0085\u00a0\u2028\u2029'),
  // Explicit tags: go-yaml resolves with the tag and fails when the text does not fit it.
  value('!!str 123', '123'),
  value('!!int "12"', 12),
  value('!!int 0x1F', 31),
  value('!!int abc', ERROR),
  value('!!int 2001-12-14', ERROR),
  value('!!float 1', 1),
  value('!!float "1e3"', 1000),
  value('!!float 18446744073709551615', ERROR),
  value('!!bool yes', true),
  value('!!bool "on"', true),
  value('!!bool 1', ERROR),
  value('!!null ""', null),
  value('!!null x', ERROR),
  value('!!timestamp 2001-12-14', '2001-12-14'),
  value('!!timestamp foo', ERROR),
  value('!!timestamp 2001-02-30', ERROR),
  value('!!timestamp 2001-12-14T21:59:43.10+05:30', '2001-12-14T21:59:43.10+05:30'),
  value('!!binary aGVsbG8=', 'hello'),
  value('!!binary "aGVsbG8"', ERROR),
  value('!!binary /w==', '\ufffd'),
  value('!!binary 8J+Y', '\ufffd\ufffd\ufffd'),
  value('!!binary |\n  aGVs\n  bG8=', 'hello'),
  value('!foo 12', '12'),
  value('! 12', '12'),
  value('!!merge <<', '<<'),
  value('!!set x', 'x'),
  value('!!python/none x', 'x'),
  value('!<tag:yaml.org,2002:int> 12', 12),
];

const KEYS: Row[] = [
  key('1', '1'),
  key('-1', '-1'),
  key('0x10', '16'),
  key('0b101', '5'),
  key('9223372036854775807', '9223372036854775807'),
  key('9007199254740993', '9007199254740993'),
  key('9223372036854775808', ERROR),
  key('1.5', '1.5'),
  key('1e3', '1000'),
  key('1e6', '1e+06'),
  key('1e7', '1e+07'),
  key('123456', '123456'),
  key('0.1', '0.1'),
  key('0.0001', '0.0001'),
  key('0.00001', '1e-05'),
  key('1.1e-10', '1.1e-10'),
  key('3.14159265358979', '3.1415927'),
  key('16777217.0', '1.6777216e+07'),
  key('100000000000000000000.0', '1e+20'),
  key('-0.0', '-0'),
  key('.inf', '.inf'),
  key('-.inf', '-.inf'),
  key('.nan', '.nan'),
  key('yes', 'true'),
  key('off', 'false'),
  key('TRUE', 'true'),
  key('~', ERROR),
  key('null', ERROR),
  key('""', ''),
  key('2001-12-14', '2001-12-14'),
  key('12:30', '12:30'),
  key('"<<"', '<<'),
  key('[a]', ERROR),
  key('{a: 1}', ERROR),
  key('!!str 1', '1'),
  key('!!binary aGVsbG8=', 'hello'),
];

const DOCUMENTS: Row[] = [
  doc('a merge overrides keys written before it', 'b: &b {a: 1, b: 2}\nm: {a: 9, <<: *b, c: 3}\n', {
    b: { a: 1, b: 2 },
    m: { a: 1, b: 2, c: 3 },
  }),
  doc('a key written after a merge overrides it', 'b: &b {a: 1}\nm: {<<: *b, a: 9}\n', { b: { a: 1 }, m: { a: 9 } }),
  doc('the first map of a merge list wins', 'm: {<<: [{a: 1}, {a: 2, z: 2}], z: 3}\n', { m: { a: 1, z: 3 } }),
  doc('merges nest', 'm: {<<: {<<: {a: 1}, b: 2}}\n', { m: { a: 1, b: 2 } }),
  doc('a merge of a scalar alias fails', 's: &s 5\nm: {<<: *s}\n', ERROR),
  doc('a merge of a list of scalars fails', 'm: {<<: [5]}\n', ERROR),
  doc('a merge of a list holding a scalar alias fails', 's: &s 5\nm: {<<: [*s]}\n', ERROR),
  doc('a merge of null fails', 'm: {<<: ~}\n', ERROR),
  doc('a quoted << is a plain key', 'm:\n  "<<": 5\n', { m: { '<<': 5 } }),
  doc('!!merge << merges', 'b: &b {a: 1}\nm:\n  !!merge <<: *b\n', { b: { a: 1 }, m: { a: 1 } }),
  doc('an unknown anchor fails', 'a: *nope\n', ERROR),
  doc('an anchor holding itself fails', 'a: &x [*x]\n', ERROR),
  doc('an alias repeats its anchor with its resolved type', 'v: &a !!int "3"\nw: *a\n', { v: 3, w: 3 }),
  doc('.inf deep in a list fails', 'v: [1, .inf]\n', ERROR),
  doc(
    'tags on collections are ignored',
    'a: !!str {a: 1}\nb: !!int {a: 1}\nc: !!omap [{a: 1}, {b: 2}]\nd: !!set {a, b}\ne: !!map [1]\n',
    { a: { a: 1 }, b: { a: 1 }, c: [{ a: 1 }, { b: 2 }], d: { a: null, b: null }, e: [1] },
  ),
  doc('a list as an explicit key fails', '? [a, b]\n: 1\n', ERROR),
  doc('a block scalar is a string key', '? |\n  blk\n: 1\n', { 'blk\n': 1 }),
  doc('a comment is not part of a value', 'v: 1 # comment\n', { v: 1 }),
  doc('U+0085 is a line break to go-yaml', 'v: a\u0085b\n', ERROR),
  doc('U+2029 is a line break to go-yaml', 'v: a\u2029b\n', ERROR),
];

/** Rows where we are stricter than kubectl on purpose (kubectl keeps one of the values silently). */
const STRICTER: Row[] = [
  doc('a key written twice', 'a: 1\n"a": 2\n', { a: 2 }),
  doc('an int key and its string spelling', '1: a\n"1": b\n', { 1: 'a' }),
  doc('two spellings of true as keys', 'yes: 1\ntrue: 2\n', { true: 2 }),
];

/**
 * Raw NEL, LS and PS are line breaks to go-yaml's scanner and not to the yaml package: we refuse
 * any of them, even where kubectl reads something (shown here as kubectl reads it).
 */
const RAW_BREAKS: Row[] = [
  doc('U+2028 in a double-quoted string', 'v: "a\u2028b"\n', { v: 'a\u2028b' }),
  doc('U+0085 in a double-quoted string, folded to a space by go-yaml', 'v: "a\u0085b"\n', { v: 'a b' }),
];

const ROWS = [...VALUES, ...KEYS, ...DOCUMENTS];

function read(yaml: string): Expected {
  const docs = readYamlStream(yaml);
  expect(docs).toHaveLength(1);
  return docs[0].errors.length > 0 ? ERROR : docs[0].value;
}

describe('readYamlStream reads scalars as kubectl 1.27 does', () => {
  it('has a row for each of at least 80 spellings', () => {
    expect(VALUES.length + KEYS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    expect(read(row.yaml)).toEqual(row.want);
  });
});

describe('readYamlStream: stricter than kubectl on purpose', () => {
  it.each(STRICTER.map((r) => [r.name, r] as const))('refuses %s, naming the key and its line', (_name, row) => {
    const [d] = readYamlStream(row.yaml);
    expect(d.errors.join('\n')).toMatch(/already set in map .*unique.* at line 2, column 1/);
  });
});

describe('readYamlStream: raw line-break characters', () => {
  it.each(RAW_BREAKS.map((r) => [r.name, r] as const))('refuses %s, saying how to write it', (_name, row) => {
    const [d] = readYamlStream(row.yaml);
    expect(d.errors.join('\n')).toMatch(
      /^raw U\+(0085|2028|2029) at line 1, column \d+: .* write it as an escape \(\\u(0085|2028|2029)\) inside double quotes$/,
    );
  });
});

describe('readYamlStream: documents as kubectl cuts them', () => {
  it('splits on lines starting with ---, even inside a block scalar', () => {
    const docs = readYamlStream('a: |\n  x\n---\n  y\n');
    expect(docs.map((d) => d.value)).toEqual([{ a: 'x\n' }, true]);
  });

  it('refuses a document separator followed by content, and stops there', () => {
    const docs = readYamlStream('a: 1\n--- {b: 2}\nc: 3\n');
    expect(docs.map((d) => d.value ?? d.errors.join())).toEqual([
      { a: 1 },
      'invalid Yaml document separator: {b: 2} (line 2; after --- only a comment may follow)',
    ]);
  });

  it('accepts a comment after ---', () => {
    expect(readYamlStream('--- # first\na: 1\n---\t# second\nb: 2\n').map((d) => d.value)).toEqual([
      { a: 1 },
      { b: 2 },
    ]);
  });

  it('refuses a %YAML directive, which kubectl cuts off from its document', () => {
    const docs = readYamlStream('%YAML 1.1\n---\na: 1\n');
    expect(docs[0].errors.join()).toMatch(/did not find expected <document start> at line 1, column 1/);
    expect(docs[1].value).toEqual({ a: 1 });
  });

  it('reads only the first document of a chunk, as go-yaml does', () => {
    expect(readYamlStream('a: 1\n...\nb: 2\n').map((d) => d.value)).toEqual([{ a: 1 }]);
  });

  it('drops empty and comment-only documents, and gives each document its first line', () => {
    const docs = readYamlStream('---\n# only a comment\n---\n\na: 1\n---\n---\nb: 2\r\n');
    expect(docs.map((d) => [d.index, d.line, d.value])).toEqual([
      [0, 5, { a: 1 }],
      [1, 8, { b: 2 }],
    ]);
  });

  it('gives errors their line and column in the stream', () => {
    const docs = readYamlStream('a: 1\n---\nb: 1\nc: [1, 2\n');
    expect(docs[1].errors.join()).toMatch(/at line \d+, column \d+/);
    expect(readYamlStream('a: 1\n---\nb: !!int x\n')[1].errors).toEqual([
      'cannot decode !!str `x` as a !!int at line 3, column 4',
    ]);
  });
});

describe('readYamlStream: protections', () => {
  it('caps alias uses', () => {
    const bomb = [
      'a: &a [x, x]',
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(readYamlStream(bomb)[0].errors.join()).toMatch(/excessive aliasing: more than 1000 alias uses/);
    expect(readYamlStream(bomb, { maxAliasCount: 100_000 })[0].errors).toEqual([]);
  });

  it('caps nesting, counting what aliases bring in', () => {
    expect(readYamlStream(`${'['.repeat(101)}${']'.repeat(101)}`)[0].errors.join()).toMatch(
      /nesting deeper than 100 levels/,
    );
    const deepByAlias = `a: &a ${'['.repeat(60)}${']'.repeat(60)}\nb: ${'['.repeat(60)}*a${']'.repeat(60)}\n`;
    expect(readYamlStream(deepByAlias)[0].errors.join()).toMatch(/nesting deeper than 100 levels/);
  });

  it('never throws, and reads 10,000 levels of nesting without overflowing the stack', () => {
    const docs = readYamlStream(`${'- '.repeat(10_000)}x`, { maxDepth: 20_000 });
    expect(docs).toHaveLength(1);
    expect(docs[0].errors.length + (docs[0].value === undefined ? 0 : 1)).toBeGreaterThan(0);
  });

  it('keeps __proto__ as an ordinary key', () => {
    const [d] = readYamlStream('__proto__: {a: 1}\nb: 2\n');
    expect(Object.keys(d.value as object)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(d.value)).toBe(Object.prototype);
  });
});

// ---- The oracle: kubectl 1.27 itself, offline against the fake discovery server. ----

/**
 * metadata.managedFields[].fieldsV1 keeps arbitrary JSON through kubectl's typed decoding, so a
 * ConfigMap carrying the row there shows exactly what kubectl makes of it (printed only with
 * --show-managed-fields, which KubectlDecoder does not pass).
 */
function wrap(yaml: string): string {
  const body = yaml
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  managedFields:\n  - manager: m\n    fieldsV1:\n${body}\n`;
}

class FieldsOracle {
  public static async start(kubectl: string, tool: string): Promise<FieldsOracle> {
    const port = await freePort();
    const proc = spawn('python3', [tool, String(port)], { stdio: 'ignore' });
    await waitForPort(port);
    return new FieldsOracle(kubectl, port, proc);
  }

  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-oracle-'));

  private constructor(
    private readonly kubectl: string,
    private readonly port: number,
    private readonly proc: ChildProcess,
  ) {}

  /** What kubectl makes of a YAML mapping, or ERROR when it refuses it. */
  public read(yaml: string): Expected {
    const file = path.join(this.dir, 'in.yaml');
    fs.writeFileSync(file, wrap(yaml));
    try {
      const out = execFileSync(
        this.kubectl,
        [
          '--server',
          `http://127.0.0.1:${this.port}`,
          'create',
          '--dry-run=client',
          '--validate=false',
          '--show-managed-fields',
          '-o',
          'json',
          '-f',
          file,
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      return JSON.parse(out).metadata.managedFields[0].fieldsV1;
    } catch {
      return ERROR;
    }
  }

  public stop(): void {
    this.proc.kill();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const kubectl = findKubectl127();
const tool = findFakeDiscovery();
if (!kubectl || !tool) {
  console.warn(
    `NOTICE: yaml-read oracle skipped, the table is not re-checked against kubectl (kubectl.1.27: ${kubectl ?? 'missing'}, fake-discovery: ${tool ?? 'missing; set K8S_SHARED'})`,
  );
}

describe.skipIf(!kubectl || !tool)('oracle: kubectl 1.27 agrees with every row', () => {
  let oracle: FieldsOracle;
  beforeAll(async () => {
    oracle = await FieldsOracle.start(kubectl!, tool!);
  });
  afterAll(() => oracle?.stop());

  it('agrees with every row of the table', () => {
    // Rows kubectl reads go through it in one document, each under its own key; the rest one by one.
    const batched = [...VALUES, ...KEYS].filter((row) => row.want !== ERROR);
    const batch = oracle.read(
      batched.map((row, i) => `r${i}:\n${row.yaml.replace(/^/gm, '  ').replace(/ +$/, '')}`).join(''),
    );
    const got = new Map<Row, Expected>(
      batch === ERROR ? [] : batched.map((row, i) => [row, (batch as Record<string, unknown>)[`r${i}`]]),
    );
    const wrong = ROWS.flatMap((row) => {
      const seen = got.has(row) ? got.get(row) : oracle.read(row.yaml);
      try {
        expect(seen).toEqual(row.want);
        return [];
      } catch {
        return [`${row.name}: kubectl gives ${seen === ERROR ? 'an error' : JSON.stringify(seen)}`];
      }
    });
    expect(wrong).toEqual([]);
  }, 120_000);

  it('reads each raw line-break character we refuse as recorded', () => {
    expect(RAW_BREAKS.map((row) => oracle.read(row.yaml))).toEqual(RAW_BREAKS.map((row) => row.want));
  });

  it('accepts, keeping one value, each repeated key we refuse', () => {
    // `1` and `"1"` are two keys to go-yaml and one to JSON: which value survives follows Go's map order.
    expect(STRICTER.map((row) => oracle.read(row.yaml) !== ERROR)).toEqual(STRICTER.map(() => true));
    expect(oracle.read(STRICTER[0].yaml)).toEqual(STRICTER[0].want);
  });
});
