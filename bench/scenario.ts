/**
 * One benchmark scenario, run in a child process of bench/run.ts so each gets a clean heap and
 * its own peak RSS. Prints one JSON line.
 *   tsx bench/scenario.ts ours N [DIR]   our App: construct + synth + validation; DIR gets the documents
 *   tsx bench/scenario.ts cdk8s N        cdk8s.App with cdk8s-plus-27's DaemonSet
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as cdk8s from 'cdk8s';
import * as YAML from 'yaml';
import { App, toYamlStream, validateManifest } from '../src';
import { ourAgent, plainAgent } from './workload';

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 20);

function ours(n: number, dir?: string) {
  const t0 = performance.now();
  const app = new App({ outdir: dir ?? 'unused' });
  const daemonSets = [];
  for (let i = 0; i < n; i++) daemonSets.push(ourAgent(new cdk8s.Chart(app, `agent-${i}`), i));
  const yaml = app.synthYaml();
  const synthMs = performance.now() - t0;
  sample();

  // The same final objects, for the floor and to time validation on its own.
  const docs = daemonSets.map((ds) => ds.toJson());
  const v0 = performance.now();
  let issues = 0;
  for (const d of docs) issues += validateManifest(d).length;
  const validateMs = performance.now() - v0;
  const f0 = performance.now();
  let floorBytes = 0;
  for (const d of docs) floorBytes += YAML.stringify(d).length;
  const floorMs = performance.now() - f0;

  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    for (let f = 0; f < docs.length / 100; f++) {
      fs.writeFileSync(
        path.join(dir, `fleet-${String(f).padStart(3, '0')}.yaml`),
        toYamlStream(docs.slice(f * 100, f * 100 + 100)),
      );
    }
  }
  return { synthMs, validateMs, floorMs, issues, bytes: yaml.length, floorBytes };
}

function plain(n: number) {
  const t0 = performance.now();
  const app = new cdk8s.App({ outdir: 'unused' });
  for (let i = 0; i < n; i++) plainAgent(new cdk8s.Chart(app, `agent-${i}`), i);
  const yaml = app.synthYaml();
  return { synthMs: performance.now() - t0, bytes: yaml.length };
}

const [kind, nArg, dir] = process.argv.slice(2);
const n = Number(nArg);
const result = kind === 'ours' ? ours(n, dir) : plain(n);
clearInterval(sampler);
sample();
process.stdout.write(`${JSON.stringify({ kind, n, ...result, rssMiB: peakRss / 1024 / 1024 })}\n`);
