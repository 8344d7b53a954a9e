import * as fs from 'node:fs';
import * as path from 'node:path';
import { readYamlStream } from '../../src/yaml';

/**
 * The DaemonSets the differential test mutates, from the shared corpora ($K8S_CORPORA): the real
 * DaemonSets of daemonsets-in-the-wild, and the DaemonSets, Pods and pod templates of the kubeconform
 * fixtures and kubectl-validate's 1.27 cases, a Pod or template wrapped into a DaemonSet.
 */

export interface Seed {
  readonly name: string;
  readonly manifest: Record<string, any>;
}

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A DaemonSet around a pod's metadata and spec, its selector matching the pod's labels. */
export function wrapPod(name: string, meta: Record<string, any> | undefined, spec: unknown): Record<string, any> {
  const labels = isObj(meta?.labels) && Object.keys(meta.labels).length > 0 ? meta.labels : { app: 'seed' };
  const template: Record<string, any> = { metadata: { labels } };
  if (isObj(meta?.annotations)) template.metadata.annotations = meta.annotations;
  template.spec = spec;
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { ...labels } }, template },
  };
}

function fromDocument(name: string, doc: unknown): Seed | undefined {
  if (!isObj(doc)) return undefined;
  if (doc.kind === 'DaemonSet' && doc.apiVersion === 'apps/v1') {
    const m = structuredClone(doc);
    if (!isObj(m.metadata)) m.metadata = {};
    m.metadata.namespace ??= 'default'; // as kubectl sends it: the namespace of its context
    return { name, manifest: m };
  }
  if (doc.kind === 'Pod') return { name, manifest: wrapPod('seed-pod', doc.metadata, doc.spec) };
  const template = doc.spec?.template;
  if (isObj(template) && isObj(template.spec))
    return { name: `${name} (template)`, manifest: wrapPod('seed-template', template.metadata, template.spec) };
  return undefined;
}

function fromFile(corpora: string, rel: string): Seed[] {
  const text = fs.readFileSync(path.join(corpora, rel), 'utf8');
  return readYamlStream(text).flatMap((d, i) => {
    if (d.errors.length > 0) return [];
    const s = fromDocument(`${rel}#${i}`, d.value);
    return s ? [s] : [];
  });
}

/** Every seed of the corpora, in a fixed order. */
export function loadSeeds(corpora: string): Seed[] {
  const list = (dir: string, re: RegExp): string[] =>
    fs
      .readdirSync(path.join(corpora, dir))
      .filter((f) => re.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  return [
    ...list('daemonsets-in-the-wild', /\.yaml$/),
    ...list('kubeconform/fixtures', /\.(ya?ml|json)$/),
    ...list('kubectl-validate/v1.27/testcases/manifests', /\.ya?ml$/),
  ].flatMap((rel) => fromFile(corpora, rel));
}
