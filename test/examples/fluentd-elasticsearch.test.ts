import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { App, canonicalManifest, toYamlStream } from '../../src';
import { FluentdElasticsearch } from '../../examples/fluentd-elasticsearch';

const shared = process.env.K8S_SHARED ?? (process.env.K8S_CORPORA ? path.dirname(process.env.K8S_CORPORA) : undefined);
const reference = shared ? path.join(shared, 'product', 'fluentd-elasticsearch.yaml') : undefined;
if (!reference || !fs.existsSync(reference)) {
  console.warn('NOTICE: reference manifest comparison skipped: set K8S_SHARED to the shared/ folder');
}

describe.skipIf(!reference || !fs.existsSync(reference))('examples/fluentd-elasticsearch', () => {
  const expected = () => parse(fs.readFileSync(reference!, 'utf8'), { version: '1.1' });

  it('synthesizes the reference manifest as data', () => {
    const chart = new FluentdElasticsearch(Testing.app());
    expect(chart.daemonSet.toJson()).toEqual(expected());
  });

  it('synthesizes the canonical YAML of the reference manifest byte for byte', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'synth-')) });
    new FluentdElasticsearch(app);
    expect(app.synthYaml()).toBe(toYamlStream([canonicalManifest(expected())]));
  });

  it('passes validation', () => {
    const chart = new FluentdElasticsearch(Testing.app());
    expect(chart.daemonSet.issues()).toEqual([]);
  });
});
