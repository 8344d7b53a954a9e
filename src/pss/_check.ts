/**
 * Shared internals of the Pod Security Standards checks, ported from
 * kubernetes/pod-security-admission `policy/` at v0.27.16 (f9e640d0, Kubernetes 1.27).
 *
 * PSA aggregates one CheckResult per check ("hostPath volumes (volumes "a", "b")"); we report one
 * finding per offending field instead, so every finding has a field path and can be exempted on
 * its own. Each finding's message is PSA's `reason (detail)` as PSA would write it were that
 * field the only offender.
 */
import type { FieldPath } from '../validate/issue';
import type { PssCheckId, PssLevel } from './ids';
import { asObject, get, isObject, list, str, type JsonObject } from '../validate/read';

export type { PssLevel } from './ids';

/** One offending field, before the check ID is attached. */
export interface PssFinding {
  readonly path: FieldPath;
  readonly message: string;
}

/** The pod a check reads: metadata and spec, with their paths in the manifest. */
export interface PodView {
  readonly metadata: unknown;
  readonly metadataPath: FieldPath;
  readonly spec: unknown;
  readonly specPath: FieldPath;
}

/** `policy.CheckPodFn`: a pure function of the pod, returning every offending field. */
export type CheckPodFn = (pod: PodView) => PssFinding[];

/** `policy.VersionedCheck`: what a check does from `minimumVersion` (a 1.x minor) on. */
export interface VersionedCheck {
  readonly minimumVersion: number;
  readonly checkPod: CheckPodFn;
  /** Baseline check IDs this restricted check replaces while it applies. */
  readonly overrideCheckIds?: readonly string[];
}

/** `policy.Check`: an ID, the level that introduces it, and its versions in increasing order. */
export interface PssCheck {
  readonly id: PssCheckId;
  readonly level: Exclude<PssLevel, 'privileged'>;
  readonly versions: readonly VersionedCheck[];
}

/** `spec.securityContext` of the pod, when it is an object. */
export function podSecurityContext(pod: PodView): JsonObject | undefined {
  return asObject(get(pod.spec, 'securityContext'));
}

export interface ContainerRef {
  readonly container: JsonObject;
  /** `container.Name`; Go's zero value when missing. */
  readonly name: string;
  /** The list it is in. */
  readonly list: 'initContainers' | 'containers' | 'ephemeralContainers';
  readonly path: FieldPath;
  /** `container.securityContext`, when it is an object. */
  readonly securityContext: JsonObject | undefined;
}

/** visitContainers (policy/visitor.go): init, then regular, then ephemeral containers. */
export function containersOf(pod: PodView): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const listName of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    list(get(pod.spec, listName)).forEach((c, i) => {
      if (!isObject(c)) return;
      out.push({
        container: c,
        name: str(get(c, 'name')) ?? '',
        list: listName,
        path: [...pod.specPath, listName, i],
        securityContext: asObject(get(c, 'securityContext')),
      });
    });
  }
  return out;
}

/** `podSpec.OS != nil && podSpec.OS.Name == corev1.Windows`: the 1.25+ exemption of Windows pods. */
export function isWindowsPod(pod: PodView): boolean {
  return get(asObject(get(pod.spec, 'os')), 'name') === 'windows';
}

/** `pluralize` (policy/helpers.go). */
export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** `joinQuote` (policy/helpers.go): quotes without escaping, as upstream does. */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

/** How PSA names one container in a detail: `container "name"`. */
export function containerLabel(name: string): string {
  return `container ${joinQuote([name])}`;
}

/** Go's `%q` for the strings PSA quotes with it (annotation values). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** A finding worded as `AggregateCheckResult.ForbiddenDetail` renders one result: `reason (detail)`. */
export function forbidden(path: FieldPath, reason: string, detail: string): PssFinding {
  return { path, message: detail === '' ? reason : `${reason} (${detail})` };
}
