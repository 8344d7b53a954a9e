import type { FieldPath, Issue } from '../issue';
import { objectAt } from '../defaults/json';
import { isObject } from '../read';
import type { GateName } from '../versions/gates';
import type { VersionProfile } from '../versions/profile';

/**
 * PrepareForCreate's `pod.DropDisabledTemplateFields` → `dropDisabledFields` (pkg/api/pod/util.go,
 * each minor 1.27 … 1.34, old object nil): a field the schema knows but whose feature gate is off
 * is removed before validation, silently. The server says nothing; we return a notice per dropped
 * field (code `drop/gate-disabled`) so the author learns that the cluster will not keep it.
 *
 * Works in place on the defaulted copy of the manifest, never on the caller's data.
 *
 * PrepareForUpdate passes the stored pod spec as `oldPodSpec`: each drop there is guarded by
 * `!gate && !xxxInUse(oldPodSpec)`, so a gate's fields are kept when the stored object already
 * uses that gate's fields anywhere in the pod (`inPlacePodVerticalScalingInUse`,
 * `restartableInitContainersInUse`, … one predicate per gate, 1.27 … 1.34).
 */

type Obj = Record<string, unknown>;

const NO_GATES: ReadonlySet<GateName> = new Set();

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

function objects(v: unknown): [Obj, number][] {
  if (!Array.isArray(v)) return [];
  const out: [Obj, number][] = [];
  v.forEach((x, i) => {
    if (isObject(x)) out.push([x as Obj, i]);
  });
  return out;
}

function obj(o: Obj | undefined, k: string): Obj | undefined {
  return o && objectAt(o, k);
}

function has(o: Obj | undefined, k: string): o is Obj {
  return o !== undefined && Object.hasOwn(o, k) && o[k] !== null && o[k] !== undefined;
}

class Dropper {
  readonly notices: Issue[] = [];
  /** The gates whose fields were found (and dropped); made on the first. */
  used: Set<GateName> | undefined;

  constructor(
    private readonly profile: VersionProfile,
    private readonly root: FieldPath,
    private readonly inUseByOld: ReadonlySet<GateName> = NO_GATES,
    /** False to only find what would be dropped (the old spec's gates in use), leaving it as it is. */
    readonly mutate = true,
  ) {}

  off(gate: GateName): boolean {
    return !this.profile.gates[gate] && !this.inUseByOld.has(gate);
  }

  /**
   * Deletes `o[k]` when set and `gate` is off, and records the notice. The field before the gate:
   * a gate is read only for a manifest that has what it governs (range mode shares the rest).
   */
  drop(o: Obj | undefined, k: string, path: FieldPath, gate: GateName): void {
    if (!has(o, k) || !this.off(gate)) return;
    if (this.mutate) delete o[k];
    this.note([...path, k], gate);
  }

  note(path: FieldPath, gate: GateName, what = 'this field'): void {
    if (this.used === undefined) this.used = new Set();
    this.used.add(gate);
    this.notices.push({
      path: [...this.root, ...path],
      code: 'drop/gate-disabled',
      message:
        `the API server drops ${what} without a word: feature gate ${gate} is off in Kubernetes ` +
        `${this.profile.version}, so the stored object lacks it`,
    });
  }
}

/** Each container of the pod with its relative path. */
function containers(spec: Obj): [Obj, FieldPath, (typeof CONTAINER_LISTS)[number]][] {
  return CONTAINER_LISTS.flatMap((list) =>
    objects(spec[list]).map(([c, i]) => [c, [list, i], list] as [Obj, FieldPath, (typeof CONTAINER_LISTS)[number]]),
  );
}

function affinityTerms(spec: Obj): [Obj, FieldPath][] {
  const out: [Obj, FieldPath][] = [];
  const affinity = obj(spec, 'affinity');
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = obj(affinity, kind);
    if (!a) continue;
    for (const [t, i] of objects(a.requiredDuringSchedulingIgnoredDuringExecution))
      out.push([t, ['affinity', kind, 'requiredDuringSchedulingIgnoredDuringExecution', i]]);
    for (const [t, i] of objects(a.preferredDuringSchedulingIgnoredDuringExecution)) {
      const term = obj(t, 'podAffinityTerm');
      if (term)
        out.push([term, ['affinity', kind, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm']]);
    }
  }
  return out;
}

/**
 * The gates whose disabled fields `oldSpec` uses (upstream's `xxxInUse(oldPodSpec)`): those the drop
 * would act on, found by dropping from a copy. Nothing for an absent old spec (create).
 */
export function gatesInUse(oldSpec: Obj | undefined, profile: VersionProfile): ReadonlySet<GateName> {
  if (oldSpec === undefined) return NO_GATES;
  const d = new Dropper(profile, [], NO_GATES, false);
  dropInto(d, oldSpec, profile);
  return d.used ?? NO_GATES;
}

/**
 * dropDisabledFields on one pod spec; returns the notices, paths from the manifest root. With
 * `oldSpec` (the stored object's pod spec, on update) a gate's fields stay when the old spec uses them.
 */
export function dropDisabledFields(spec: Obj, specPath: FieldPath, profile: VersionProfile, oldSpec?: Obj): Issue[] {
  const d = new Dropper(profile, specPath, gatesInUse(oldSpec, profile));
  dropInto(d, spec, profile);
  return d.notices;
}

function dropInto(d: Dropper, spec: Obj, profile: VersionProfile): void {
  const sc = obj(spec, 'securityContext');

  // UserNamespacesSupport (UserNamespacesStatelessPodsSupport in 1.27): hostUsers.
  d.drop(spec, 'hostUsers', [], 'UserNamespacesSupport');
  d.drop(sc, 'supplementalGroupsPolicy', ['securityContext'], 'SupplementalGroupsPolicy');
  d.drop(sc, 'seLinuxChangePolicy', ['securityContext'], 'SELinuxChangePolicy');
  d.drop(spec, 'resources', [], 'PodLevelResources');
  d.drop(spec, 'hostnameOverride', [], 'HostnameOverride');
  d.drop(spec, 'resourceClaims', [], 'DynamicResourceAllocation');
  for (const [term, path] of affinityTerms(spec)) {
    d.drop(term, 'matchLabelKeys', path, 'MatchLabelKeysInPodAffinity');
    d.drop(term, 'mismatchLabelKeys', path, 'MatchLabelKeysInPodAffinity');
  }

  for (const list of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    for (let ci = 0; ci < items.length; ci++) {
      const c = items[ci];
      // Most containers set none of the gated fields: nothing to look at, no path to build.
      if (!isObject(c) || !hasGatedField(c as Obj)) continue;
      dropFromContainer(d, c as Obj, [list, ci], list === 'initContainers', profile);
    }
  }

  for (const [v, i] of objects(spec.volumes)) {
    const sources = obj(v, 'projected');
    for (const [s, j] of objects(sources?.sources)) {
      const at: FieldPath = ['volumes', i, 'projected', 'sources', j];
      d.drop(s, 'clusterTrustBundle', at, 'ClusterTrustBundleProjection');
      d.drop(s, 'podCertificate', at, 'PodCertificateRequest');
    }
    // Claims of a generic ephemeral volume were never meant to be accepted (1.26); always dropped.
    const claimResources = obj(obj(obj(obj(v, 'ephemeral'), 'volumeClaimTemplate'), 'spec'), 'resources');
    if (has(claimResources, 'claims') && d.mutate) delete claimResources.claims;
  }
  dropImageVolumes(spec, d);
}

/** The fields of a container some gate may drop; a container with none of them is passed over. */
const GATED_CONTAINER_FIELDS = [
  'restartPolicy',
  'restartPolicyRules',
  'resizePolicy',
  'resources',
  'securityContext',
  'lifecycle',
  'volumeMounts',
  'env',
];

function hasGatedField(c: Obj): boolean {
  for (const k of GATED_CONTAINER_FIELDS) if (Object.hasOwn(c, k)) return true;
  return false;
}

function dropFromContainer(d: Dropper, c: Obj, path: FieldPath, init: boolean, profile: VersionProfile): void {
  // SidecarContainers (1.28): "Drop the RestartPolicy field of init containers".
  // Each field before its gate (Dropper.drop).
  if (init) d.drop(c, 'restartPolicy', path, 'SidecarContainers');
  // ContainerRestartRules (1.34, dropContainerRestartRules): the rules, and a restartPolicy other
  // than a sidecar's Always.
  const restartPolicyDropped = has(c, 'restartPolicy') && !(init && c.restartPolicy === 'Always');
  if (
    (has(c, 'restartPolicyRules') || restartPolicyDropped) &&
    d.off('ContainerRestartRules') &&
    profile.switches.restartRulesDropRestartPolicy
  ) {
    d.drop(c, 'restartPolicyRules', path, 'ContainerRestartRules');
    if (restartPolicyDropped) d.drop(c, 'restartPolicy', path, 'ContainerRestartRules');
  }
  d.drop(c, 'resizePolicy', path, 'InPlacePodVerticalScaling');
  const resources = obj(c, 'resources');
  if (has(resources, 'claims')) d.drop(resources, 'claims', [...path, 'resources'], 'DynamicResourceAllocation');
  const csc = obj(c, 'securityContext');
  // ProcMountType: the field was forced non-nil in 1.12, so it is set to Default, not removed.
  if (has(csc, 'procMount') && csc.procMount !== 'Default' && d.off('ProcMountType')) {
    if (d.mutate) csc.procMount = 'Default';
    d.note([...path, 'securityContext', 'procMount'], 'ProcMountType', 'this value (it stores "Default")');
  }
  const lifecycle = obj(c, 'lifecycle');
  if (lifecycle) {
    d.drop(lifecycle, 'stopSignal', [...path, 'lifecycle'], 'ContainerStopSignals');
    for (const hook of ['postStart', 'preStop']) {
      const h = obj(lifecycle, hook);
      if (!has(h, 'sleep') || !d.off('PodLifecycleSleepAction')) continue;
      d.drop(h, 'sleep', [...path, 'lifecycle', hook], 'PodLifecycleSleepAction');
      // 1.29 nils only the sleep action and keeps the (now empty) handler.
      if (!profile.switches.sleepDropLeavesEmptyHandler && Object.keys(h).length === 0) delete lifecycle[hook];
    }
  }
  for (const [m, i] of objects(c.volumeMounts))
    if (has(m, 'recursiveReadOnly'))
      d.drop(m, 'recursiveReadOnly', [...path, 'volumeMounts', i], 'RecursiveReadOnlyMounts');
  for (const [e, i] of objects(c.env)) {
    const valueFrom = obj(e, 'valueFrom');
    if (has(valueFrom, 'fileKeyRef')) d.drop(valueFrom, 'fileKeyRef', [...path, 'env', i, 'valueFrom'], 'EnvFiles');
  }
}

/** dropImageVolumes (1.31+): the image volumes and every mount of them. */
function dropImageVolumes(spec: Obj, d: Dropper): void {
  if (!Array.isArray(spec.volumes)) return;
  // The gate is read only when there is an image volume (Dropper.drop).
  if (!spec.volumes.some((v) => isObject(v) && has(v as Obj, 'image')) || !d.off('ImageVolume')) return;
  const names = new Set<unknown>();
  spec.volumes.forEach((v, i) => {
    if (isObject(v) && has(v as Obj, 'image')) {
      names.add((v as Obj).name);
      d.note(['volumes', i], 'ImageVolume', 'this image volume');
    }
  });
  if (names.size === 0 || !d.mutate) return;
  spec.volumes = spec.volumes.filter((v) => !(isObject(v) && has(v as Obj, 'image')));
  for (const [c, path] of containers(spec)) {
    if (!Array.isArray(c.volumeMounts)) continue;
    c.volumeMounts.forEach((m, i) => {
      if (isObject(m) && names.has((m as Obj).name))
        d.note([...path, 'volumeMounts', i], 'ImageVolume', 'this mount of an image volume');
    });
    c.volumeMounts = c.volumeMounts.filter((m) => !(isObject(m) && names.has((m as Obj).name)));
  }
}
