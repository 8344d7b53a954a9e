import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toYamlStream } from '../../src/yaml';
import { daemonSet } from '../support/manifest';
import { CLI, folder, VALID } from './_run';

/**
 * `validate` loads a YAML library only when a document needs it: plain block YAML (what the synth
 * writes) goes through the block reader alone, so a run never pays the yaml package's ~55 ms
 * load. Checked by the modules a real run has loaded at exit, not by timing.
 */
function packagesLoaded(args: readonly string[]): { status: number | null; packages: string[] } {
  const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'probe-')), 'probe.js');
  fs.writeFileSync(
    probe,
    `process.on('exit', () => {
  const names = Object.keys(require.cache).flatMap((p) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(p)?.[1] ?? []);
  process.stderr.write('LOADED ' + JSON.stringify([...new Set(names)].sort()) + '\\n');
});\n`,
  );
  const r = spawnSync(process.execPath, ['--require', probe, CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  if (!line) throw new Error(`no LOADED line in ${r.stderr}`);
  return { status: r.status, packages: JSON.parse(line.slice('LOADED '.length)) as string[] };
}

describe('validate loads YAML libraries only for documents that need them', () => {
  it('loads no YAML library for documents the synth wrote', () => {
    const dir = folder({
      'fleet.yaml': toYamlStream([
        daemonSet(),
        daemonSet((ds) => {
          ds.metadata.name = 'other';
        }),
      ]),
    });
    expect(packagesLoaded(['validate', '--output', 'json', dir])).toEqual({ status: 0, packages: [] });
  });

  it('loads none for the committed examples, ConfigMaps with multi-line files included', () => {
    expect(packagesLoaded(['validate', path.join(__dirname, '..', '..', 'dist')])).toEqual({ status: 0, packages: [] });
  });

  it('loads the yaml package for what the block reader declines: a flow mapping, an anchor', () => {
    // VALID writes `matchLabels: {app: agent}`, a flow mapping the block reader declines.
    expect(packagesLoaded(['validate', folder({ 'flow.yaml': VALID })]).packages).toEqual(['yaml']);
    const anchored = toYamlStream([daemonSet()]).replace('name: agent\n  namespace', 'name: &n agent\n  namespace');
    expect(anchored).toContain('&n');
    expect(packagesLoaded(['validate', folder({ 'anchor.yaml': anchored })]).packages).toEqual(['yaml']);
  });
});
