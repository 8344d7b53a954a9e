/**
 * The plan of one DaemonSet: how it changes, what restarts, in how many waves, what the API server
 * would refuse and which hazards it carries. Both sides are compared after the server's defaulting.
 */
import { cloneJson } from '../validate/defaults/json';
import { type FieldPath, type Issue, compareIssues } from '../validate/issue';
import { podTemplateWarnings } from '../validate/phases/warnings';
import { field, isObject, str } from '../validate/read';
import { profileOf, type VersionProfile } from '../validate/versions/profile';
import {
  noRevisionHistoryHazard,
  nodeCriticalRestartHazard,
  onDeleteHazard,
  surgeWithHostPortHazard,
  type Warning,
} from './hazards';
import { DEFAULT_NAMESPACE } from './identity';
import { semanticDiff, semanticEqual } from './semantic';
import { prepareUpdate, storedObject, validatePrepared, warningsOnUpdate } from './update-path';
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
  /** The Kubernetes minor the cluster runs, `'1.27'` … `'1.34'` (or `x.y.z`). */
  readonly kubernetesVersion: string;
  /** The node count, for waves. @default - no waves */
  readonly nodes?: number;
}

/** PlanOptions resolved once for a whole plan: the minor's profile rather than its name. */
export interface PlanContext {
  readonly profile: VersionProfile;
  readonly nodes?: number;
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

const under = (prefix: string) => (p: FieldPath) => p[0] === 'spec' && p[1] === prefix;

/**
 * Plans one DaemonSet from its old and new manifests (either may be absent, not both). The
 * manifests are not touched: each is copied before the server's phases write into it.
 */
export function planDaemonSet(
  id: { namespace: string; name: string },
  oldManifest: unknown,
  newManifest: unknown,
  options: PlanOptions,
): DaemonSetPlan {
  const context = { profile: profileOf(options.kubernetesVersion), nodes: options.nodes };
  const stored = oldManifest === undefined ? undefined : storedObject(cloneJson(oldManifest), context.profile);
  return planOwned(id, stored, newManifest === undefined ? undefined : cloneJson(newManifest), context);
}

/** A plan, built in one shape: ten thousand of them outlive the planning. */
function resultOf(
  id: { namespace: string; name: string },
  change: Change,
  restart: Restart | null,
  waves: Waves | null,
  fields: readonly FieldPath[],
  rejected: readonly Issue[],
  warnings: readonly Warning[],
): DaemonSetPlan {
  return { namespace: id.namespace, name: id.name, change, restart, waves, fields, rejected, warnings };
}

/**
 * planDaemonSet with OLD as the server stores it (update-path.ts's storedObject) and NEW handed
 * over by the caller: it is defaulted and dropped in place.
 */
export function planOwned(
  id: { namespace: string; name: string },
  stored: unknown,
  newOwn: unknown,
  context: PlanContext,
): DaemonSetPlan {
  const { profile } = context;
  if (newOwn === undefined) {
    return resultOf(id, 'removed', null, null, [], [], []);
  }
  const { decodeErrors, prepared, dropped } = prepareUpdate(newOwn, profile);
  if (stored === undefined) {
    // A create: WarningsOnCreate and our hazards come only with an accepted object, as in `validate`.
    const rejected = decodeErrors.length > 0 ? [...decodeErrors] : validatePrepared(prepared, profile);
    const accepted = rejected.length === 0;
    const warnings = [
      ...dropped,
      ...(accepted ? [...podTemplateWarnings(prepared, profile), ...objectWarnings(prepared)] : []),
    ];
    return resultOf(id, 'added', null, null, [], rejected, warnings.sort(compareIssues));
  }
  // Whether the template or the selector changed is read off the changed paths (the diff is
  // exact, so a subtree is semantically equal exactly when no path lies under it).
  const fields = semanticDiff(comparable(stored), comparable(prepared));
  const template = fields.some(under('template'));
  let rejected: Issue[] = [];
  // An unchanged object is no update: kubectl apply sends nothing, so the server rejects nothing.
  if (decodeErrors.length > 0) rejected = [...decodeErrors];
  else if (fields.length > 0) {
    rejected = validatePrepared(prepared, profile);
    if (fields.some(under('selector'))) rejected.push(...immutableSelector(stored, prepared));
    rejected.sort(compareIssues);
  }
  const warnings = [...dropped, ...objectWarnings(prepared)];
  if (fields.length > 0 && rejected.length === 0) warnings.push(...warningsOnUpdate(prepared, template, profile));
  let restart: Restart = 'none';
  let waves: Waves | null = null;
  if (template) {
    const onDelete = field(prepared, 'spec', 'updateStrategy', 'type') === 'OnDelete';
    restart = onDelete ? 'on-delete' : 'all-nodes';
    warnings.push(...(onDelete ? onDeleteHazard() : []), ...nodeCriticalRestartHazard(prepared));
    if (!onDelete && context.nodes !== undefined) waves = rolloutWaves(prepared, context.nodes) ?? null;
  }
  return resultOf(
    id,
    fields.length > 0 ? 'changed' : 'unchanged',
    restart,
    waves,
    fields,
    rejected,
    warnings.sort(compareIssues),
  );
}
