import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameData } from '../../src/import/values';
import { readYamlStream, toYaml } from '../../src/yaml';
import { CLI, cli, folder, INVALID, VALID } from './_run';

/* eslint-disable @typescript-eslint/no-explicit-any */

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = process.env.K8S_SHARED ?? (process.env.K8S_CORPORA ? path.dirname(process.env.K8S_CORPORA) : undefined);
const REFERENCE = SHARED ? path.join(SHARED, 'product', 'fluentd-elasticsearch.yaml') : undefined;
const haveReference = REFERENCE !== undefined && fs.existsSync(REFERENCE);
if (!haveReference)
  console.warn(
    'NOTICE: import of the shared reference manifest skipped: set K8S_SHARED to the shared/ folder (the inline copy still runs)',
  );

/** A manifest like the reference one (fluentd-elasticsearch), so the core tests never skip. */
const FLUENTD = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-elasticsearch
  namespace: kube-system
  labels:
    k8s-app: fluentd-logging
spec:
  selector:
    matchLabels:
      name: fluentd-elasticsearch
  template:
    metadata:
      labels:
        name: fluentd-elasticsearch
    spec:
      tolerations:
      - key: node-role.kubernetes.io/master
        effect: NoSchedule
      containers:
      - name: fluentd-elasticsearch
        image: k8s.gcr.io/fluentd-elasticsearch:1.20
        resources:
          limits:
            memory: 200Mi
          requests:
            cpu: 100m
            memory: 200Mi
        volumeMounts:
        - name: varlog
          mountPath: /var/log
        - name: varlibdockercontainers
          mountPath: /var/lib/docker/containers
          readOnly: true
      terminationGracePeriodSeconds: 30
      volumes:
      - name: varlog
        hostPath:
          path: /var/log
      - name: varlibdockercontainers
        hostPath:
          path: /var/lib/docker/containers
`;

/** Two fields the constructs can't write: restartPolicy (line 15) and hostNetwork: false (line 16). */
const WITH_HATCHES = `${VALID}      serviceAccount: agent\n      priority: 0\n`;

const TRICKY = [
  'say "hi"',
  "it's",
  'back`tick`',
  '${process.exit(1)}',
  '*/ x /* y',
  'line\nbreak',
  'sep\u2028and\u2029',
  '</script><script>alert(1)</script>',
  'back\\slash',
  '',
];

/** Hostile strings where a valid DaemonSet allows any text; keys __proto__ and constructor where a name may be one. */
function hostileDoc(): any {
  const doc = readYamlStream(VALID)[0].value as any;
  doc.metadata.annotations = {
    constructor: TRICKY.join(' | '),
    ...Object.fromEntries(TRICKY.map((s, i) => [`example.com/k${i}`, s])),
  };
  doc.metadata.labels = { constructor: 'agent' };
  const c = doc.spec.template.spec.containers[0];
  c.command = TRICKY;
  c.env = [
    { name: '__proto__', value: '</script>' },
    { name: 'constructor', value: '${x}`y`' },
    ...TRICKY.map((s, i) => ({ name: `V${i}`, value: s })),
  ];
  doc.spec.template.spec.nodeSelector = { constructor: 'yes' };
  return doc;
}
const HOSTILE = toYaml(hostileDoc());

/** Maps keyed `__proto__` (labels, annotations, resources): data, but not valid Kubernetes keys. */
const PROTO_KEYS = VALID.replace(
  'name: agent\nspec',
  'name: agent\n  annotations: {__proto__: "x", constructor: "y"}\nspec',
).replace(
  'labels: {app: agent}\n    spec',
  'labels: {app: agent}\n      annotations: {__proto__: {polluted: true}}\n    spec',
);

/** A DaemonSet cdk8s can't synthesize, not even by escape hatch: a top-level `__proto__` field. */
const UNSYNTHESIZABLE = VALID.replace('kind: DaemonSet\n', 'kind: DaemonSet\n__proto__: {polluted: true}\n');

const first = (text: string) => readYamlStream(text)[0].value;

describe('cdk8s-daemonset import', () => {
  it('prints the module on stdout and a summary on stderr', () => {
    const dir = folder({ 'fluentd.yaml': FLUENTD });
    const r = cli(['import', 'fluentd.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('export class ImportedDaemonSets extends Chart {');
    expect(r.stdout).toContain('const varlog = Volume.fromHostPath("varlog", { path: "/var/log" });');
    expect(r.stdout).toContain('{ path: "/var/log", volume: varlog }');
    expect(r.stderr).toBe('fluentd.yaml: imported 1 DaemonSet, 0 escape hatches\n');
  });

  it('lists each escape hatch on stderr as file:line of the field, path and reason', () => {
    const r = cli(['import', 'ds.yaml'], { cwd: folder({ 'ds.yaml': WITH_HATCHES }) });
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      'ds.yaml:15  spec.template.spec.serviceAccount: serviceAccount, the deprecated alias of serviceAccountName, has no construct property (escape hatch)',
      'ds.yaml:16  spec.template.spec.priority: pod priority has no construct property (escape hatch)',
      'ds.yaml: imported 1 DaemonSet, 2 escape hatches',
      '',
    ]);
    expect(r.stdout).toContain('agent.addJsonPatch(');
  });

  it('reads standard input for -', () => {
    const r = cli(['import', '-'], { input: FLUENTD });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('new DaemonSet(this, "fluentdElasticsearch", {');
    expect(r.stderr).toBe('-: imported 1 DaemonSet, 0 escape hatches\n');
  });

  it('takes the class name and the module to import from', () => {
    const r = cli(['import', '--class', 'logging chart', '--module', '@acme/daemonsets', '-'], { input: FLUENTD });
    expect(r.stdout).toContain('export class LoggingChart extends Chart {');
    expect(r.stdout).toContain('import { DaemonSet, Volume } from "@acme/daemonsets";');
  });

  it('counts and skips documents of other kinds', () => {
    const r = cli(['import', '-'], { input: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n${FLUENTD}` });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('-: imported 1 DaemonSet, 0 escape hatches, 1 other document skipped\n');
  });
});

describe('cdk8s-daemonset import on invalid input', () => {
  it('refuses it without --force: issues on stderr, exit 1, nothing written', () => {
    const dir = folder({ 'bad.yaml': INVALID });
    const r = cli(['import', 'bad.yaml', '--out', 'bad.ts'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^bad\.yaml:13:11: spec\.template\.spec\.containers\[0\]\.name: .* \[container\/name-invalid\]$/m,
    );
    expect(r.stderr).toMatch(
      /^bad\.yaml:15:20: spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort: .*\[[a-z-]+\/[a-z-]+\]$/m,
    );
    expect(r.stderr).toContain(
      'bad.yaml: 1 invalid DaemonSet: nothing imported; fix it, or pass --force to import anyway',
    );
    expect(fs.existsSync(path.join(dir, 'bad.ts'))).toBe(false);
  });

  it('imports it with --force, still printing the issues', () => {
    const r = cli(['import', '--force', '-'], { input: INVALID });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('name: "Agent_1",');
    expect(r.stderr).toMatch(
      /^-:\d+:11: spec\.template\.spec\.containers\[0\]\.name: .* \[container\/name-invalid\]$/m,
    );
    expect(r.stderr).toContain('-: imported 1 DaemonSet, 0 escape hatches, 1 invalid (--force)');
  });

  it('with --force, lists a DaemonSet it cannot import and writes the others', () => {
    const r = cli(['import', '--force', '-'], { input: `${FLUENTD}---\n${UNSYNTHESIZABLE}` });
    expect(r.stderr).toMatch(
      /^-:\d+ {2}\(document\): cdk8s cannot synthesize this document exactly.* \(not imported\)$/m,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('new DaemonSet(this, "fluentdElasticsearch"');
  });
});

describe('cdk8s-daemonset import --check', () => {
  it('exits 0 with an empty diff for a manifest that round-trips', () => {
    const r = cli(['import', '--check', 'fluentd.yaml'], { cwd: folder({ 'fluentd.yaml': FLUENTD }) });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('fluentd.yaml: round-trips as data (1 DaemonSet, 0 escape hatches)\n');
  });

  it('exits 0 when the round trip goes through escape hatches', () => {
    const r = cli(['import', '--check', '-'], { input: WITH_HATCHES });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  // Every valid manifest met so far round-trips (all 23 of daemonsets-in-the-wild): a difference
  // needs one the API server would refuse, hence --force.
  it('exits 1 with a unified diff of canonical YAML when a DaemonSet cannot round-trip', () => {
    const r = cli(['import', '--check', '--force', 'odd.yaml'], { cwd: folder({ 'odd.yaml': UNSYNTHESIZABLE }) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('--- odd.yaml\tinput\n+++ odd.yaml (synthesized)\tsynthesized\n');
    expect(r.stdout).toContain('-apiVersion: apps/v1\n-kind: DaemonSet\n-metadata:\n-  name: agent\n');
    expect(r.stderr).toContain(
      'odd.yaml: the synthesized manifests differ from the input (0 DaemonSets, 0 escape hatches, 1 not imported, 1 invalid (--force))',
    );
  });

  it('refuses invalid input without --force, like the import', () => {
    const r = cli(['import', '--check', '-'], { input: INVALID });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[container/name-invalid]');
  });
});

describe('cdk8s-daemonset import usage', () => {
  it.each([
    ['no file', ['import'], 'name one YAML file, or - for standard input; got none'],
    ['two files', ['import', 'a.yaml', 'b.yaml'], 'name one YAML file, or - for standard input; got 2'],
    ['an unknown option', ['import', '--colour', 'a.yaml'], "Unknown option '--colour'"],
    ['--check with --out', ['import', '--check', '--out', 'x.ts', 'a.yaml'], '--check writes nothing: leave out --out'],
    [
      'a bad --max-bytes',
      ['import', '--max-bytes', '0', 'a.yaml'],
      '--max-bytes must be a positive whole number, got "0"',
    ],
  ])('exits 2 on %s', (_what, args, message) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Run cdk8s-daemonset import --help for usage.');
  });

  it.each([
    ['a missing file', { files: {}, file: 'none.yaml' }, 'none.yaml: cannot read: ENOENT'],
    [
      'a file that is not UTF-8',
      { files: { 'x.yaml': Buffer.from([0x6b, 0x3a, 0x20, 0xff, 0x0a]) }, file: 'x.yaml' },
      'x.yaml: not valid UTF-8',
    ],
    [
      'YAML that does not parse',
      { files: { 'x.yaml': 'a: [1\n' }, file: 'x.yaml' },
      'x.yaml: 1 document could not be read as a manifest: nothing imported',
    ],
    [
      'a file without a DaemonSet',
      { files: { 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\n' }, file: 'x.yaml' },
      'x.yaml: no DaemonSet in 1 document: nothing to import',
    ],
  ])('exits 2 on %s', (_what, { files, file }, message) => {
    const r = cli(['import', file], { cwd: folder(files as Record<string, string | Buffer>) });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('exits 2 on input over --max-bytes', () => {
    const r = cli(['import', '--max-bytes', '100', '-'], { input: FLUENTD });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^-: input is .* MiB, over the .* MiB limit/);
  });

  it('is listed in the help, and has its own', () => {
    expect(cli(['--help']).stdout).toContain('import FILE');
    const r = cli(['import', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: cdk8s-daemonset import [options] FILE');
  });
});

describe('cdk8s-daemonset import of hostile strings', () => {
  it('keeps them out of the code raw', () => {
    const r = cli(['import', '-'], { input: HOSTILE });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u2028\u2029]/);
    expect(r.stdout).not.toMatch(/<\/script/i);
    expect(r.stdout).toContain('["__proto__"]: EnvValue.fromValue("<\\/script>"),');
  });

  it('round-trips them: --check exits 0', () => {
    const r = cli(['import', '--check', '-'], { input: HOSTILE });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    // The maps with a `constructor` key, which cdk8s can't render, go by escape hatch: valid, so no issue lines.
    expect(r.stderr.split('\n').map((l) => l.replace(/^-:\d+ {2}([^:]+):.*\(escape hatch\)$/, '$1'))).toEqual([
      'metadata.labels',
      'metadata.annotations',
      'spec.template.spec.nodeSelector',
      '-: round-trips as data (1 DaemonSet, 3 escape hatches)',
      '',
    ]);
  });

  it('round-trips maps keyed __proto__ and constructor, imported with --force', () => {
    const r = cli(['import', '--check', '--force', '-'], { input: PROTO_KEYS });
    expect(r.stderr).toMatch(/-: round-trips as data \(1 DaemonSet, 2 escape hatches, 1 invalid \(--force\)\)\n$/);
    expect(r.status).toBe(0);
  });
});

/**
 * The --out files as a user gets them: compiled by tsc (project settings) against the built
 * package, found as node_modules/cdk8s-daemonset, then run by node.
 */
describe('cdk8s-daemonset import --out', () => {
  const TMP = path.join(ROOT, '.tmp', `cli-import-${crypto.randomBytes(6).toString('hex')}`);
  const inputs: Record<string, string> = {
    fluentd: FLUENTD,
    hatches: WITH_HATCHES,
    hostile: HOSTILE,
    proto: PROTO_KEYS,
  };
  let tscOutput = '';
  const runs: Record<string, ReturnType<typeof cli>> = {};

  beforeAll(() => {
    fs.mkdirSync(path.join(TMP, 'node_modules'), { recursive: true });
    fs.symlinkSync(ROOT, path.join(TMP, 'node_modules', 'cdk8s-daemonset'), 'dir');
    for (const [name, text] of Object.entries(inputs)) {
      fs.writeFileSync(path.join(TMP, `${name}.yaml`), text);
      runs[name] = cli(['import', '--force', `${name}.yaml`, '--out', `${name}.ts`], { cwd: TMP });
    }
    fs.writeFileSync(
      path.join(TMP, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.json',
        compilerOptions: { outDir: 'out', rootDir: '.', declaration: false },
        include: ['*.ts'],
      }),
    );
    try {
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join(TMP, 'tsconfig.json')], {
        cwd: TMP,
        encoding: 'utf8',
      });
    } catch (e) {
      tscOutput = String((e as { stdout?: string }).stdout ?? e);
    }
  }, 120_000);
  afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

  /** What the compiled module synthesizes, run by node. */
  function synthesize(name: string): unknown[] {
    const script = `const { App, ApiObject } = require('cdk8s');
      const m = require('./out/${name}.js');
      const chart = new m.ImportedDaemonSets(new App(), 'x');
      process.stdout.write(JSON.stringify(chart.node.findAll().filter((o) => ApiObject.isApiObject(o)).map((o) => o.toJson())));`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: TMP, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout);
  }

  it('writes the module to the file, not stdout', () => {
    expect(runs.fluentd.status).toBe(0);
    expect(runs.fluentd.stdout).toBe('');
    expect(runs.fluentd.stderr).toBe('fluentd.yaml: imported 1 DaemonSet, 0 escape hatches to fluentd.ts\n');
    expect(fs.readFileSync(path.join(TMP, 'fluentd.ts'), 'utf8')).toContain(
      'export class ImportedDaemonSets extends Chart {',
    );
  });

  it('writes modules that type-check under the project tsconfig', () => {
    expect(Object.values(runs).map((r) => r.status)).toEqual([0, 0, 0, 0]);
    expect(tscOutput).toBe('');
  });

  it.each(Object.keys(inputs))('%s: the compiled module synthesizes the input', (name) => {
    const out = synthesize(name);
    expect(out).toHaveLength(1);
    expect(sameData(out[0], first(inputs[name]))).toBe(true);
  });

  it.skipIf(!haveReference)('the shared reference manifest: imported with no escape hatch, round-trips', () => {
    const r = cli(['import', REFERENCE!]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('const varlog = Volume.fromHostPath("varlog", { path: "/var/log" });');
    expect(r.stderr).toBe(`${REFERENCE}: imported 1 DaemonSet, 0 escape hatches\n`);
    expect(cli(['import', '--check', REFERENCE!]).status).toBe(0);
  });
});

/**
 * typescript is a devDependency: a user's install may lack it. The built CLI is copied beside a
 * node_modules holding every package but typescript.
 */
describe('cdk8s-daemonset import without the typescript package', () => {
  let TMP = '';
  beforeAll(() => {
    TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'no-ts-'));
    fs.cpSync(path.join(ROOT, 'lib'), path.join(TMP, 'lib'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(TMP, 'package.json'));
    fs.mkdirSync(path.join(TMP, 'node_modules'));
    for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
      if (entry === 'typescript' || entry === '.bin') continue;
      fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(TMP, 'node_modules', entry));
    }
  });
  afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
  const run = (args: string[]) =>
    spawnSync(process.execPath, [path.join(TMP, 'lib', 'cli', 'main.js'), ...args], {
      input: FLUENTD,
      cwd: TMP,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: '' },
    });

  it('is really without it', () => {
    const r = spawnSync(process.execPath, ['-e', 'require.resolve("typescript")'], {
      cwd: path.join(TMP, 'lib'),
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(CLI).not.toBe(path.join(TMP, 'lib', 'cli', 'main.js'));
  });

  it('--check exits 2 and says how to install it', () => {
    const r = run(['import', '--check', '-']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cdk8s-daemonset: import --check needs the typescript package: npm i -D typescript\n');
  });

  it('imports without --check', () => {
    const r = run(['import', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('export class ImportedDaemonSets extends Chart {');
  });
});
