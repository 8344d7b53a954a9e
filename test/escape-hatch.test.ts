import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Chart, JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it, vi } from 'vitest';
import { App, DaemonSet, NodeRequirement, NodeScheduling, SynthValidationError } from '../src';
import { makeDaemonSet, podSpecOf } from './support/synth';

const withNodeAffinity = () =>
  makeDaemonSet({ scheduling: NodeScheduling.byNodeLabels({ required: [NodeRequirement.exists('gpu')] }) });

describe('escape-hatch patches', () => {
  it('apply in order after the constructs render', () => {
    const { ds } = makeDaemonSet();
    ds.addJsonPatch(
      JsonPatch.add('/spec/template/spec/priority', 5),
      JsonPatch.replace('/spec/template/spec/priority', 6),
    );
    expect(podSpecOf(ds).priority).toBe(6);
  });

  it('that only add fields raise no warning', () => {
    const { ds } = makeDaemonSet();
    ds.addJsonPatch(
      JsonPatch.add('/spec/template/spec/containers/0/tty', true),
      JsonPatch.add('/spec/template/spec/containers/-', { name: 'extra', image: 'busybox:1.36' }),
      JsonPatch.add('/spec/template/spec/containers/0', { name: 'first', image: 'busybox:1.36' }),
    );
    expect(ds.patchWarnings()).toEqual([]);
  });

  it('that replace what the constructs wrote are reported with the field path', () => {
    const { ds } = withNodeAffinity();
    ds.addJsonPatch(JsonPatch.add('/spec/template/spec/affinity', { podAffinity: {} }));
    expect(ds.patchWarnings()).toEqual([
      {
        path: ['spec', 'template', 'spec', 'affinity'],
        code: 'patch/overrides-construct',
        message:
          'an escape hatch (JSON patch add /spec/template/spec/affinity) replaces what the constructs wrote; set it through a prop if one exists',
      },
    ]);
  });

  it('that remove what the constructs wrote are reported', () => {
    const { ds } = makeDaemonSet();
    ds.addJsonPatch(JsonPatch.remove('/spec/selector'));
    expect(ds.patchWarnings().map((w) => [w.path.join('.'), w.message.includes('removes')])).toEqual([
      ['spec.selector', true],
    ]);
  });

  it('that replace a field an earlier patch added are not reported', () => {
    const { ds } = makeDaemonSet();
    ds.addJsonPatch(
      JsonPatch.add('/spec/template/spec/priority', 5),
      JsonPatch.replace('/spec/template/spec/priority', 6),
    );
    expect(ds.patchWarnings()).toEqual([]);
  });

  it('below a missing parent fail with the construct path and the patch path', () => {
    const { ds } = makeDaemonSet();
    ds.addJsonPatch(JsonPatch.add('/spec/template/spec/affinity/podAffinity', {}));
    expect(() => ds.toJson()).toThrow(
      "test/agent JSON patch add /spec/template/spec/affinity/podAffinity: spec.template.spec.affinity is not in the manifest, so nothing can be set below it; add the parent first (JsonPatch.add('/spec/template/spec/affinity', {...})) or patch the parent whole [patch/parent-missing]",
    );
    expect(() => ds.toJson()).not.toThrow(/Cannot set properties/);
    expect(ds.issues().map((i) => i.code)).toEqual(['patch/parent-missing']);
  });

  it('that replace a missing field fail naming it', () => {
    const { ds } = makeDaemonSet();
    ds.addJsonPatch(JsonPatch.replace('/spec/template/spec/hostPID', true));
    expect(() => ds.toJson()).toThrow(
      'spec.template.spec.hostPID is not in the manifest; use JsonPatch.add to set a new field [patch/target-missing]',
    );
  });
});

describe('escape-hatch patches at synth', () => {
  it('print a warning naming the construct and field path, and still synthesize', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'hatch-')) });
    const ds = new DaemonSet(new Chart(app, 'c'), 'agent', {
      matchLabels: { app: 'agent' },
      containers: [{ name: 'agent', image: 'busybox:1.36' }],
      scheduling: NodeScheduling.byNodeLabels({ required: [NodeRequirement.exists('gpu')] }),
    });
    ds.addJsonPatch(JsonPatch.replace('/spec/template/spec/affinity', {}));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      app.synth();
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(
        'warning: c/agent spec.template.spec.affinity: an escape hatch (JSON patch replace /spec/template/spec/affinity) replaces what the constructs wrote',
      );
    } finally {
      stderr.mockRestore();
    }
    expect(app.warnings().map((w) => w.issue.code)).toEqual(['patch/overrides-construct']);
  });

  it('that cannot apply are reported with the other issues, not as a crash', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'hatch-')) });
    const ds = new DaemonSet(new Chart(app, 'c'), 'agent', {
      matchLabels: { app: 'agent' },
      containers: [{ name: 'agent', image: 'busybox:1.36' }],
    });
    ds.addJsonPatch(JsonPatch.add('/spec/template/spec/dnsConfig/options/0', { name: 'ndots' }));
    let error: unknown;
    try {
      app.synthYaml();
    } catch (e) {
      error = e;
    }
    expect(SynthValidationError.isSynthValidationError(error)).toBe(true);
    expect((error as SynthValidationError).issues.map((i) => `${i.constructPath} ${i.issue.code}`)).toEqual([
      'c/agent patch/parent-missing',
    ]);
  });
});

describe('Testing.synth', () => {
  it('applies the patches too', () => {
    const chart = new Chart(Testing.app(), 'c');
    const ds = new DaemonSet(chart, 'agent', { matchLabels: { app: 'a' }, containers: [{ name: 'a', image: 'b:1' }] });
    ds.addJsonPatch(JsonPatch.add('/spec/template/spec/priority', 1));
    expect(Testing.synth(chart)[0].spec.template.spec.priority).toBe(1);
  });
});
