import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import * as fs from 'node:fs';
import { readYamlStream, toYaml, toYamlStream } from '../../src';
import { readYamlStreamExact } from '../../src/yaml';
import { CORPORA } from '../support/manifest';
import { yamlFiles } from '../support/yaml-oracle';
import { findFakeDiscovery, findKubectl127, KubectlDecoder } from '../support/kubectl';

/** Strings a YAML 1.1 reader (kubectl's go-yaml v2, PyYAML) would read as another type. */
const AMBIGUOUS = [
  '\u0085',
  'a\u2029b',
  '\ufeffbom',
  '\u007fdel',
  '\u009f',
  'yes',
  'Yes',
  'YES',
  'no',
  'No',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'y',
  'Y',
  'n',
  'N',
  'true',
  'False',
  '~',
  'null',
  'Null',
  'NULL',
  '',
  '0755',
  '0o17',
  '1e3',
  '1E3',
  '0x1F',
  '0b101',
  '.inf',
  '-.inf',
  '.NaN',
  '12:30',
  '190:20:30',
  '1_000',
  '+1',
  '-1',
  '1.0',
  '.5',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '<<',
  '=',
  '- a',
  'a: b',
  '#c',
  '@x',
  '`x',
  '%x',
  '*a',
  '&a',
  '!a',
  '|',
  '>',
  '?',
  ':',
  ' lead',
  'trail ',
  'multi\nline',
  'tab\there',
  'quote"s',
  "apo's",
  '\u2028',
  '{a}',
  '[a]',
  ',a',
  '---',
  '...',
];

function sampleManifest(): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', labels: Object.fromEntries(AMBIGUOUS.slice(0, 20).map((v, i) => [`k${i}`, v])) },
    data: { values: AMBIGUOUS, keys: Object.fromEntries(AMBIGUOUS.map((v) => [v, v])) },
    numbers: [0, 1, -1, 1.5, 1e21, 493, 0.1],
    flags: [true, false, null],
  };
}

describe('toYaml', () => {
  it('reads back identically as YAML 1.1', () => {
    const m = sampleManifest();
    expect(parse(toYaml(m), { version: '1.1' })).toEqual(m);
  });

  it('reads back identically as YAML 1.2', () => {
    const m = sampleManifest();
    expect(parse(toYaml(m))).toEqual(m);
  });

  it('quotes every ambiguous string', () => {
    const out = toYaml({ v: AMBIGUOUS.filter((s) => !s.includes('\n')) });
    for (const line of out.split('\n').slice(1, -1)) {
      expect(line, line).toMatch(/^ {2}- (".*"|'.*'|[^'"].*)$/);
    }
    for (const s of ['yes', 'on', 'off', 'y', '~', '0755', '1e3', '0x1F', '.inf', '12:30', '=']) {
      expect(out).toContain(`- "${s}"`);
    }
  });

  it('writes the same bytes for the same input', () => {
    expect(toYaml(sampleManifest())).toBe(toYaml(sampleManifest()));
  });

  it('never folds long lines', () => {
    const long = 'x '.repeat(200).trim();
    expect(toYaml({ long }).split('\n')[0]).toBe(`long: ${long}`);
  });

  it('separates documents with ---', () => {
    const text = toYamlStream([{ a: 1 }, { b: 'on' }]);
    expect(parseAllDocuments(text).map((d) => d.toJS())).toEqual([{ a: 1 }, { b: 'on' }]);
    expect(text).toBe('a: 1\n---\nb: "on"\n');
  });
});

describe('readYamlStream', () => {
  it('reads YAML 1.1 types the way kubectl does', () => {
    const [doc] = readYamlStream('a: yes\nb: 0755\nc: "on"\n');
    expect(doc.value).toEqual({ a: true, b: 493, c: 'on' });
  });

  it('drops empty documents and reports parse errors with their position', () => {
    const docs = readYamlStream('---\na: 1\n---\n---\nb: [\n');
    expect(docs[0].value).toEqual({ a: 1 });
    expect(docs[1].errors.join(' ')).toMatch(/line \d+, column \d+/);
  });

  it.skipIf(!CORPORA)(
    'reads every corpus file, whole and with CRLF line ends, as the exact reader alone does',
    () => {
      const wrong: string[] = [];
      let files = 0;
      for (const file of yamlFiles(CORPORA!)) {
        const text = fs.readFileSync(file, 'utf8');
        for (const t of [text, text.replace(/\n/g, '\r\n')]) {
          if (JSON.stringify(readYamlStream(t)) !== JSON.stringify(readYamlStreamExact(t))) wrong.push(file);
        }
        files++;
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(files).toBeGreaterThan(1000);
    },
    120_000,
  );
});

const kubectl = findKubectl127();
const tool = findFakeDiscovery();
if (!kubectl || !tool) {
  console.warn(
    `NOTICE: kubectl round trip skipped (kubectl.1.27: ${kubectl ?? 'missing'}, fake-discovery: ${tool ?? 'missing; set K8S_SHARED'})`,
  );
}

describe.skipIf(!kubectl || !tool)('kubectl 1.27 reads our YAML back unchanged', () => {
  let decoder: KubectlDecoder;
  beforeAll(async () => {
    decoder = await KubectlDecoder.start(kubectl!, tool!);
  });
  afterAll(() => decoder?.stop());

  it('decodes every ambiguous string as the same string', () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'strings', namespace: 'default', labels: { a: 'yes', b: 'on', c: '0755' } },
      data: Object.fromEntries(AMBIGUOUS.map((v, i) => [`k${i}`, v])),
    };
    const [decoded] = decoder.decode(toYaml(manifest)) as Array<Record<string, unknown>>;
    expect(decoded.data).toEqual(manifest.data);
    expect((decoded.metadata as Record<string, unknown>).labels).toEqual(manifest.metadata.labels);
  });
});
