import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readYamlStream } from '../../src';
import { findFakeDiscovery, findKubectl127, KubectlDecoder } from '../support/kubectl';

const DIST = path.join(__dirname, '..', '..', 'dist');
const kubectl = findKubectl127();
const tool = findFakeDiscovery();
if (!kubectl || !tool)
  console.warn('NOTICE: kubectl 1.27 decoding of dist/ skipped (needs kubectl.1.27 and K8S_SHARED)');

/** Kinds the fake discovery server knows; RBAC objects in the examples are not among them. */
const DECODABLE = new Set(['DaemonSet', 'ConfigMap', 'ServiceAccount', 'Secret', 'Namespace']);

describe.skipIf(!kubectl || !tool)('kubectl 1.27 reads the committed output exactly as written', () => {
  let decoder: KubectlDecoder;
  beforeAll(async () => {
    decoder = await KubectlDecoder.start(kubectl!, tool!);
  });
  afterAll(() => decoder?.stop());

  for (const file of fs.readdirSync(DIST).filter((f) => f.endsWith('.k8s.yaml'))) {
    it(file, () => {
      // Our writer separates documents with a bare `---` line: keep the committed bytes of each.
      const texts = fs.readFileSync(path.join(DIST, file), 'utf8').split(/^---\n/m);
      const decodable = texts.filter((t) => DECODABLE.has((readYamlStream(t)[0].value as { kind: string }).kind));
      expect(decodable.length).toBeGreaterThan(0);
      const ours = decodable.map((t) => readYamlStream(t)[0].value);
      expect(decoder.decode(decodable.join('---\n'))).toEqual(ours);
    });
  }
});
