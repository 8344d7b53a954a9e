import type { FieldPath, Issue } from './issue';
import type { VersionProfile } from './versions/profile';

/** Where a rule's node sits, for the few rules that need their surroundings. */
export interface RuleContext {
  /** The whole manifest being validated. */
  readonly manifest: unknown;
  /** The pod spec the node belongs to, when it is inside one. @default - absent outside a pod spec */
  readonly podSpec?: unknown;
  /** Path of that pod spec. @default - absent outside a pod spec */
  readonly podSpecPath?: FieldPath;
  /** For container rules: which list the container is in. @default - absent for other rules */
  readonly containerList?: 'initContainers' | 'containers' | 'ephemeralContainers';
  /** For metadata rules: an object's own metadata, or a pod template's (which has no name). @default - absent for other rules */
  readonly metadataOf?: 'object' | 'podTemplate';
  /**
   * The Kubernetes minor checked: its schema, gates, switches and validation options. Rules read
   * these, never a version number.
   * @internal the profile's shape is not public API yet
   */
  readonly profile: VersionProfile;
  /**
   * Scratch space of one `validateManifest` call, for values derived from the whole pod that
   * several rules read (the checked volume list): computed once per call, dropped with it, so no
   * rule keeps state between calls. @default - absent: `memoized` then computes every time
   */
  readonly memo?: Map<object, unknown>;
}

/** `compute()`, once per `validateManifest` call for a given `key` (a function of the pod only). */
export function memoized<T>(ctx: RuleContext, key: object, compute: () => T): T {
  const memo = ctx.memo;
  if (memo === undefined) return compute();
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}

/**
 * A rule is a pure function from a manifest node and its path to issues: no I/O, no throw,
 * no mutation. The node is untrusted: read it through `read.ts`.
 */
export type Rule = (node: unknown, path: FieldPath, ctx: RuleContext) => Issue[];

/**
 * What a rule returns when it finds nothing: one shared list, frozen so that a caller that tried
 * to add to it would throw instead of leaking issues into other documents. Most rules find nothing
 * on most manifests, and a fresh `[]` per rule per document is a third of the engine's garbage.
 */
export const NO_ISSUES: Issue[] = Object.freeze([]) as unknown as Issue[];

/** The rules of one topic, grouped by the kind of node they are handed. */
export interface RuleSet {
  /** The whole manifest, at path `[]`. @default - none */
  readonly manifest?: readonly Rule[];
  /** `metadata` of the object and of its pod template. @default - none */
  readonly objectMeta?: readonly Rule[];
  /** The pod spec (`spec.template.spec` of a DaemonSet, `spec` of a Pod). @default - none */
  readonly podSpec?: readonly Rule[];
  /** Each init, regular and ephemeral container. @default - none */
  readonly container?: readonly Rule[];
  /** Each entry of the pod's `volumes`. @default - none */
  readonly volume?: readonly Rule[];
}
