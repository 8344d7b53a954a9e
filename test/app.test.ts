import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Chart, YamlOutputType } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { App, DaemonSet, SynthValidationError, toFieldPath } from '../src';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'app-'));
}

function agent(chart: Chart, id: string, image = 'agent:1.0'): DaemonSet {
  return new DaemonSet(chart, id, { matchLabels: { app: id }, containers: [{ name: id, image }] });
}

describe('App', () => {
  it('writes one file per chart', () => {
    const outdir = tmp();
    const app = new App({ outdir });
    agent(new Chart(app, 'logs'), 'fluent-bit');
    agent(new Chart(app, 'metrics'), 'node-exporter');
    app.synth();
    expect(fs.readdirSync(outdir).sort()).toEqual(['logs.k8s.yaml', 'metrics.k8s.yaml']);
    expect(fs.readFileSync(path.join(outdir, 'logs.k8s.yaml'), 'utf8')).toContain('name: fluent-bit');
  });

  it('writes one file for the app when asked', () => {
    const outdir = tmp();
    const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_APP });
    agent(new Chart(app, 'a'), 'a');
    agent(new Chart(app, 'b'), 'b');
    app.synth();
    expect(fs.readdirSync(outdir)).toEqual(['app.k8s.yaml']);
    expect(fs.readFileSync(path.join(outdir, 'app.k8s.yaml'), 'utf8').split('\n---\n')).toHaveLength(2);
  });

  it('writes the same bytes run after run', () => {
    const build = () => {
      const app = new App({ outdir: tmp() });
      const ds = agent(new Chart(app, 'c'), 'a');
      ds.addToleration({ operator: 'Exists' });
      return app.synthYaml();
    };
    expect(build()).toBe(build());
  });

  it('fails synth with every issue of every construct, with construct and field paths', () => {
    const outdir = tmp();
    const app = new App({ outdir });
    const chart = new Chart(app, 'agents');
    new DaemonSet(chart, 'one', { matchLabels: { app: 'one' }, containers: [{ name: 'a', image: 'a:1', tag: '2' }] });
    new DaemonSet(chart, 'two', { matchLabels: { app: 'two' } });
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    expect(SynthValidationError.isSynthValidationError(error)).toBe(true);
    const issues = (error as SynthValidationError).issues.map((i) => `${i.constructPath} ${toFieldPath(i.issue.path)} ${i.issue.code}`);
    expect(issues).toEqual(expect.arrayContaining([
      'agents/one spec.template.spec.containers[0].image image/tag-given-twice',
      'agents/two spec.template.spec.containers container/none',
    ]));
    expect((error as Error).message).toContain('agents/one spec.template.spec.containers[0].image: image "a:1" already has a tag');
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  it('refuses output types it does not write', () => {
    const app = new App({ outdir: tmp(), yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
    agent(new Chart(app, 'c'), 'a');
    expect(() => app.synth()).toThrow(/FILE_PER_CHART or FILE_PER_APP/);
  });
});
