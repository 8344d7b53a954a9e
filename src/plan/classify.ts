/**
 * The plan of one DaemonSet: how it changes, what restarts, in how many waves, what the API server
 * would refuse and which hazards it carries. Both sides are compared after the server's defaulting.
 */
import { applyDefaults } from '../validate/defaults';
import { type FieldPath, type Issue, compareIssues } from '../validate/issue';
import { field, isObject, str } from '../validate/read';
import {
  noRevisionHistoryHazard,
  nodeCriticalRestartHazard,
  onDeleteHazard,
  surgeWithHostPortHazard,
  type Warning,
} from './hazards';
import { DEFAULT_NAMESPACE } from './identity';
import { canonical, changedCanonicalPaths, equalCanonical, semanticEqual } from './semantic';
import { immutableSelector } from './update-rules';
import { rolloutWaves, type Waves } from './waves';

export type Change = 'added' | 'removed' | 'changed' | 'unchanged';
export type Restart = 'all-nodes' | 'none' | 'on-delete';

/** One planned DaemonSet. */
export interface DaemonSetPlan {
  readonly namespace: string;
  readonly name: string;
  readonly change: Change;
  /** Null for an added or removed DaemonSet. */
  readonly restart: Restart | null;
  /** Null unless pods roll under RollingUpdate and the node count is known. */
  readonly waves: Waves | null;
  /** The changed fields, after defaulting. */
  readonly fields: readonly FieldPath[];
  readonly rejected: readonly Issue[];
  readonly warnings: readonly Warning[];
}

/** How to plan. */
export interface PlanOptions {
  /** The Kubernetes minor the cluster runs, `'1.27'` … `'1.34'`. */
  readonly kubernetesVersion: string;
  /** The node count, for waves. @default - no waves */
  readonly nodes?: number;
  /** The create-time rules of a minor, run on the new object. */
  readonly createRules: (manifest: unknown, kubernetesVersion: string) => Issue[];
}

/** Metadata the server sets or carries over from the stored object: never a change of the manifest. */
// biome-ignore format: a list of names
const SYSTEM_METADATA = [
  'resourceVersion', 'uid', 'generation', 'creationTimestamp', 'managedFields', 'selfLink',
  'deletionTimestamp', 'deletionGracePeriodSeconds',
];

/** The parts of a defaulted manifest an update compares: no status, no system metadata, namespace resolved. */
function comparable(defaulted: unknown): unknown {
  if (!isObject(defaulted)) return defaulted;
  const { status: _status, ...rest } = defaulted as Record<string, unknown>;
  const metadata = isObject(rest.metadata) ? { ...(rest.metadata as Record<string, unknown>) } : {};
  for (const k of SYSTEM_METADATA) delete metadata[k];
  metadata.namespace = str(metadata.namespace) || DEFAULT_NAMESPACE;
  return { ...rest, metadata };
}

/** True when the stored pod template would change (what bumps templateGeneration and rolls pods). */
export function templateChanged(oldDefaulted: unknown, newDefaulted: unknown): boolean {
  return !semanticEqual(field(oldDefaulted, 'spec', 'template'), field(newDefaulted, 'spec', 'template'), 'template');
}

function objectWarnings(manifest: unknown): Warning[] {
  return [...surgeWithHostPortHazard(manifest), ...noRevisionHistoryHazard(manifest)];
}

/** Plans one DaemonSet from its old and new manifests (either may be absent, not both). */
export function planDaemonSet(
  id: { namespace: string; name: string },
  oldManifest: unknown,
  newManifest: unknown,
  options: PlanOptions,
): DaemonSetPlan {
  const version = options.kubernetesVersion;
  const base = { namespace: id.namespace, name: id.name };
  if (newManifest === undefined) {
    return { ...base, change: 'removed', restart: null, waves: null, fields: [], rejected: [], warnings: [] };
  }
  const after = applyDefaults(newManifest, version);
  if (oldManifest === undefined) {
    const createIssues = options.createRules(newManifest, version);
    return {
      ...base,
      change: 'added',
      restart: null,
      waves: null,
      fields: [],
      rejected: createIssues,
      warnings: objectWarnings(after),
    };
  }
  const before = applyDefaults(oldManifest, version);
  // Each side is canonicalized once; the template and selector comparisons read its parts.
  const canonicalBefore = canonical(comparable(before));
  const canonicalAfter = canonical(comparable(after));
  const fields = changedCanonicalPaths(canonicalBefore, canonicalAfter);
  const selectorChanged = !equalCanonical(
    field(canonicalBefore, 'spec', 'selector'),
    field(canonicalAfter, 'spec', 'selector'),
  );
  // An unchanged object is no update: kubectl apply sends nothing, so the server rejects nothing.
  const createIssues = fields.length > 0 ? options.createRules(newManifest, version) : [];
  const rejected = [...createIssues, ...(selectorChanged ? immutableSelector(before, after) : [])].sort(compareIssues);
  const warnings = objectWarnings(after);
  let restart: Restart = 'none';
  let waves: Waves | null = null;
  if (!equalCanonical(field(canonicalBefore, 'spec', 'template'), field(canonicalAfter, 'spec', 'template'))) {
    const onDelete = field(after, 'spec', 'updateStrategy', 'type') === 'OnDelete';
    restart = onDelete ? 'on-delete' : 'all-nodes';
    warnings.push(...(onDelete ? onDeleteHazard() : []), ...nodeCriticalRestartHazard(after));
    if (!onDelete && options.nodes !== undefined) waves = rolloutWaves(after, options.nodes) ?? null;
  }
  return {
    ...base,
    change: fields.length > 0 ? 'changed' : 'unchanged',
    restart,
    waves,
    fields,
    rejected,
    warnings: warnings.sort(compareIssues),
  };
}
