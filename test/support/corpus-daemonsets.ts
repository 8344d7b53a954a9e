/** The real DaemonSets of K8S_CORPORA/daemonsets-in-the-wild, each given a namespace (the oracle needs one). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readYamlStream } from '../../src/yaml';
import { CORPORA } from './manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

export function corpusDaemonSets(): { file: string; manifest: any }[] {
  if (!CORPORA) return [];
  const dir = path.join(CORPORA, 'daemonsets-in-the-wild');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const manifest: any = readYamlStream(fs.readFileSync(path.join(dir, file), 'utf8'))[0].value;
      manifest.metadata.namespace ??= 'plan-test';
      return { file, manifest };
    });
}
