import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDaemonSets, roundTrip } from '../../src/import';
import { transpile } from './_transpile';
import { typeCheckGenerated } from './_typecheck';

const CORPORA = process.env.K8S_CORPORA;
const SHARED = process.env.K8S_SHARED ?? (CORPORA ? path.dirname(CORPORA) : undefined);
const WILD = CORPORA ? path.join(CORPORA, 'daemonsets-in-the-wild') : undefined;
const REFERENCE = SHARED ? path.join(SHARED, 'product', 'fluentd-elasticsearch.yaml') : undefined;
const haveWild = WILD !== undefined && fs.existsSync(WILD);
const haveReference = REFERENCE !== undefined && fs.existsSync(REFERENCE);
if (!haveWild)
  console.warn(
    'NOTICE: import round trip of daemonsets-in-the-wild skipped: set K8S_CORPORA to the shared/corpora folder',
  );
if (!haveReference)
  console.warn('NOTICE: import round trip of the reference manifest skipped: set K8S_SHARED to the shared/ folder');

const wildFiles = haveWild
  ? fs
      .readdirSync(WILD!)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
  : [];
const FALLBACK = 'could not map it field by field';

/** Generated modules, type-checked together at the end (one tsc run). */
const generated = new Map<string, string>();
const ROOT = path.resolve(__dirname, '..', '..');
const TMP = path.join(ROOT, '.tmp', `import-${crypto.randomBytes(6).toString('hex')}`);
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe.skipIf(!haveReference)('the reference manifest (fluentd-elasticsearch)', () => {
  it('round-trips as data with no escape hatch', async () => {
    const r = await roundTrip(fs.readFileSync(REFERENCE!, 'utf8'), {}, transpile);
    expect(r.diff).toBe('');
    expect(r.equal).toBe(true);
    expect(r.escapeHatches).toEqual([]);
  });

  it('is written with named hostPath volumes that the mounts reference', () => {
    const { code } = importDaemonSets(fs.readFileSync(REFERENCE!, 'utf8'));
    expect(code).toContain('const varlog = Volume.fromHostPath("varlog", { path: "/var/log" });');
    expect(code).toContain('{ path: "/var/log", volume: varlog }');
    expect(code).toContain('resources: { cpu: { request: "100m" }, memory: { request: "200Mi", limit: "200Mi" } }');
  });
});

describe.skipIf(!haveWild)('daemonsets-in-the-wild', () => {
  it.each(wildFiles)('%s round-trips as data', async (file) => {
    const r = await roundTrip(fs.readFileSync(path.join(WILD!, file), 'utf8'), {}, transpile);
    expect(r.skipped).toEqual([]);
    expect(r.diff).toBe('');
    expect(r.equal).toBe(true);
  });

  // Before the pod-spec props (restartPolicy, projected volumes, hostNetwork false, updateStrategy
  // without type) 18 of 23 files imported with no patch; what remains are fields the API server
  // stores the same without them: nulls and empty lists or maps.
  it.each(wildFiles)('%s needs escape hatches only for nulls and empty lists or maps', (file) => {
    const r = importDaemonSets(fs.readFileSync(path.join(WILD!, file), 'utf8'));
    const allowed = /written as null|an empty list|without any request or limit/;
    expect(r.escapeHatches.filter((h) => !allowed.test(h.reason)).map((h) => `${h.path}: ${h.reason}`)).toEqual([]);
  });

  it('imports 21 of 23 files with no escape hatch at all', () => {
    const clean = wildFiles.filter(
      (f) => importDaemonSets(fs.readFileSync(path.join(WILD!, f), 'utf8')).escapeHatches.length === 0,
    );
    expect(clean).toHaveLength(21);
  });

  it.each(wildFiles)('%s is mapped field by field, not written whole by escape hatch', (file) => {
    const r = importDaemonSets(fs.readFileSync(path.join(WILD!, file), 'utf8'));
    expect(r.daemonSets).toHaveLength(1);
    expect(r.escapeHatches.filter((h) => h.reason.includes(FALLBACK))).toEqual([]);
  });
});

describe.skipIf(!haveWild && !haveReference)('generated code', () => {
  it('type-checks under the project tsconfig', () => {
    const inputs = [...(haveReference ? [REFERENCE!] : []), ...wildFiles.map((f) => path.join(WILD!, f))];
    for (const file of inputs) {
      const name = `${path.basename(file, '.yaml')}.ts`;
      const { code } = importDaemonSets(fs.readFileSync(file, 'utf8'), { moduleSpecifier: '../../src/index' });
      generated.set(name, code);
    }
    // Only errors in the generated files count.
    expect(typeCheckGenerated(TMP, generated)).toEqual([]);
    expect(generated.size).toBe(inputs.length);
  });

  it('is indented by two spaces throughout', () => {
    for (const code of generated.values()) {
      for (const line of code.split('\n')) expect(line.match(/^ */)![0].length % 2).toBe(0);
    }
  });
});
