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

/** The pairs to plan, sorted by namespace then name: old only (removed), new only (added), or both. */
export function matchDaemonSets(
  oldIds: ReadonlyMap<string, SourcedManifest>,
  newIds: ReadonlyMap<string, SourcedManifest>,
): { id: string; old?: SourcedManifest; new?: SourcedManifest }[] {
  const ids = [...new Set([...oldIds.keys(), ...newIds.keys()])].sort();
  return ids.map((id) => ({ id, old: oldIds.get(id), new: newIds.get(id) }));
}

/** How many manifests of other kinds each side holds, by `apiVersion kind` (counted, not planned). */
export function countOtherKinds(side: readonly SourcedManifest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of side) {
    if (isPlannedDaemonSet(m.manifest)) continue;
    const k = `${str(field(m.manifest, 'apiVersion')) ?? '?'} ${str(field(m.manifest, 'kind')) ?? '?'}`;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
