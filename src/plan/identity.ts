/**
 * Which object a manifest is, and which DaemonSets of the two sides are the same object: the API
 * server's identity of a namespaced object is its group, kind, namespace and name.
 */
import { field, str } from '../validate/read';

/** One manifest read from a side, with where it came from. */
export interface SourcedManifest {
  readonly manifest: unknown;
  /** `file:line` of the document, for messages. */
  readonly source: string;
}

/** The namespace a manifest without one lands in; kubectl would use its context's, usually this. */
export const DEFAULT_NAMESPACE = 'default';

/** True for an apps/v1 DaemonSet, the only kind that is planned. */
export function isPlannedDaemonSet(manifest: unknown): boolean {
  return str(field(manifest, 'kind')) === 'DaemonSet' && str(field(manifest, 'apiVersion')) === 'apps/v1';
}

/** `namespace/name` of a manifest; the namespace is `default` when none is written. */
export function identityOf(manifest: unknown): { namespace: string; name: string } {
  const namespace = str(field(manifest, 'metadata', 'namespace')) || DEFAULT_NAMESPACE;
  return { namespace, name: str(field(manifest, 'metadata', 'name')) ?? '' };
}

/** The DaemonSets of one side by `namespace/name`; a second definition of the same one is reported. */
export function indexDaemonSets(side: readonly SourcedManifest[]): {
  byId: Map<string, SourcedManifest>;
  duplicates: string[];
} {
  const byId = new Map<string, SourcedManifest>();
  const duplicates: string[] = [];
  for (const m of side) {
    if (!isPlannedDaemonSet(m.manifest)) continue;
    const { namespace, name } = identityOf(m.manifest);
    const id = `${namespace}/${name}`;
    const first = byId.get(id);
    if (first) duplicates.push(`${m.source}: DaemonSet ${id} is also defined at ${first.source}`);
    else byId.set(id, m);
  }
  return { byId, duplicates };
}

/** `apiVersion kind` of a manifest that is not planned, the key other kinds are counted by. */
export function kindOf(manifest: unknown): string {
  return `${str(field(manifest, 'apiVersion')) ?? '?'} ${str(field(manifest, 'kind')) ?? '?'}`;
}

/** Counts of other kinds in key order, so the report does not depend on the order of reading. */
export function sortedCounts(counts: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
