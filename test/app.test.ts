import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as cdk8s from 'cdk8s';
import { Chart, YamlOutputType } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { App, DaemonSet, readYamlStream, SynthValidationError, toFieldPath, toYamlStream, Volume } from '../src';

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
    const issues = (error as SynthValidationError).issues.map(
      (i) => `${i.constructPath} ${toFieldPath(i.issue.path)} ${i.issue.code}`,
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        'agents/one spec.template.spec.containers[0].image image/tag-given-twice',
        'agents/two spec.template.spec.containers container/none',
      ]),
    );
    expect((error as Error).message).toContain(
      'agents/one spec.template.spec.containers[0].image: image "a:1" already has a tag',
    );
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  it('refuses output types it does not write', () => {
    const app = new App({ outdir: tmp(), yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
    agent(new Chart(app, 'c'), 'a');
    expect(() => app.synth()).toThrow(/FILE_PER_CHART or FILE_PER_APP/);
  });
});

describe('App synthesis path', () => {
  function smallApp(outdir: string): App {
    const app = new App({ outdir });
    const infra = new Chart(app, 'infra');
    const logs = new Chart(app, 'logs');
    const a = agent(infra, 'node-exporter');
    const b = agent(logs, 'fluent-bit', 'fluent/fluent-bit:2.2');
    b.addToleration({ operator: 'Exists' });
    const nested = new Chart(logs, 'nested');
    agent(nested, 'inner');
    logs.addDependency(infra);
    b.addDependency(a);
    return app;
  }

  it("writes exactly the documents of the straightforward path, cdk8s.App's per-chart synthesis", () => {
    const fast = smallApp(tmp()).synthYaml();
    const straightforward = cdk8s.App.prototype.synthYaml.call(smallApp(tmp()));
    const docs = readYamlStream(straightforward).map((d) => d.value);
    expect(docs).toHaveLength(3);
    expect(fast).toBe(toYamlStream(docs));
  });

  it('names and orders chart files as cdk8s.App does when charts depend on each other', () => {
    const ours = tmp();
    const theirs = tmp();
    smallApp(ours).synth();
    cdk8s.App.prototype.synth.call(smallApp(theirs));
    expect(fs.readdirSync(ours).sort()).toEqual(fs.readdirSync(theirs).sort());
    expect(fs.readdirSync(ours).sort()[0]).toBe('0000-infra.k8s.yaml');
    for (const f of fs.readdirSync(ours)) {
      expect(readYamlStream(fs.readFileSync(path.join(ours, f), 'utf8')), f).toEqual(
        readYamlStream(fs.readFileSync(path.join(theirs, f), 'utf8')),
      );
    }
  });

  it('still runs validations others added to a DaemonSet node', () => {
    const app = new App({ outdir: tmp() });
    const ds = agent(new Chart(app, 'c'), 'a');
    ds.node.addValidation({ validate: () => ['team policy: agents need an owner label'] });
    expect(app.issues().map((i) => `${i.constructPath} ${i.issue.message}`)).toEqual([
      'c/a team policy: agents need an owner label',
    ]);
  });

  it('validates each DaemonSet once per synth', () => {
    const app = new App({ outdir: tmp() });
    const ds = agent(new Chart(app, 'c'), 'a');
    let renders = 0;
    const toJson = ds.toJson.bind(ds);
    ds.toJson = () => {
      renders++;
      return toJson();
    };
    app.synthYaml();
    expect(renders).toBe(1);
  });
});

describe('bad construct input', () => {
  it('is refused at synth with construct path, field path and a message saying what would be right', () => {
    const app = new App({ outdir: tmp() });
    const chart = new Chart(app, 'agents');
    const ds = new DaemonSet(chart, 'bad', { matchLabels: { app: 'bad' } });
    ds.addContainer({ name: '', image: 'a:1', ports: [{ containerPort: 70000 }] })
      .mount('/data', Volume.fromNfs('share', '10.0.0.1'))
      .mount('/other', Volume.fromNfs('share2', '10.0.0.1:data'));
    let error: SynthValidationError | undefined;
    try {
      app.synth();
    } catch (e) {
      if (SynthValidationError.isSynthValidationError(e)) error = e;
    }
    const lines = error!.issues.map((i) => `${i.constructPath} ${toFieldPath(i.issue.path)} ${i.issue.code}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'agents/bad spec.template.spec.containers[0].name container/name-required',
        'agents/bad spec.template.spec.containers[0].ports[0].containerPort port/container-port-invalid',
        'agents/bad spec.template.spec.volumes[0].nfs volume/nfs-address-invalid',
        'agents/bad spec.template.spec.volumes[1].nfs volume/nfs-address-invalid',
      ]),
    );
    expect(error!.message).toContain(
      'NFS address "10.0.0.1" must be written server:/absolute/path, e.g. "10.0.0.1:/exports/data"',
    );
    expect(error!.message).toMatch(
      /agents\/bad spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort: .*65535/,
    );
  });
});
