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
 * PrepareForUpdate passes the stored pod spec as `oldPodSpec`: each drop there is guarded by
 * `!gate && !xxxInUse(oldPodSpec)`, so a gate's fields are kept when the stored object already
 * uses that gate's fields anywhere in the pod (`inPlacePodVerticalScalingInUse`,
 * `restartableInitContainersInUse`, … one predicate per gate, 1.27 … 1.34).
 *
 * Works in place on the defaulted copy of the manifest, never on the caller's data.
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

  /** Deletes `o[k]` when set and records the notice. */
  drop(o: Obj | undefined, k: string, path: FieldPath, gate: GateName): void {
    if (!has(o, k)) return;
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
  if (d.off('UserNamespacesSupport')) d.drop(spec, 'hostUsers', [], 'UserNamespacesSupport');
  if (d.off('SupplementalGroupsPolicy'))
    d.drop(sc, 'supplementalGroupsPolicy', ['securityContext'], 'SupplementalGroupsPolicy');
  if (d.off('SELinuxChangePolicy')) d.drop(sc, 'seLinuxChangePolicy', ['securityContext'], 'SELinuxChangePolicy');
  if (d.off('PodLevelResources')) d.drop(spec, 'resources', [], 'PodLevelResources');
  if (d.off('HostnameOverride')) d.drop(spec, 'hostnameOverride', [], 'HostnameOverride');
  if (d.off('DynamicResourceAllocation')) d.drop(spec, 'resourceClaims', [], 'DynamicResourceAllocation');
  if (d.off('MatchLabelKeysInPodAffinity')) {
    for (const [term, path] of affinityTerms(spec)) {
      d.drop(term, 'matchLabelKeys', path, 'MatchLabelKeysInPodAffinity');
      d.drop(term, 'mismatchLabelKeys', path, 'MatchLabelKeysInPodAffinity');
    }
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

  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i];
    if (!isObject(v)) continue;
    const sources = obj(v as Obj, 'projected');
    for (const [s, j] of objects(sources?.sources)) {
      const at: FieldPath = ['volumes', i, 'projected', 'sources', j];
      if (d.off('ClusterTrustBundleProjection')) d.drop(s, 'clusterTrustBundle', at, 'ClusterTrustBundleProjection');
      if (d.off('PodCertificateRequest')) d.drop(s, 'podCertificate', at, 'PodCertificateRequest');
    }
    // Claims of a generic ephemeral volume were never meant to be accepted (1.26); always dropped.
    const claimResources = obj(obj(obj(obj(v as Obj, 'ephemeral'), 'volumeClaimTemplate'), 'spec'), 'resources');
    if (has(claimResources, 'claims') && d.mutate) delete claimResources.claims;
  }
  if (d.off('ImageVolume')) dropImageVolumes(spec, d);
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
  if (init && d.off('SidecarContainers')) d.drop(c, 'restartPolicy', path, 'SidecarContainers');
  // ContainerRestartRules (1.34, dropContainerRestartRules): the rules, and a restartPolicy other
  // than a sidecar's Always.
  if (d.off('ContainerRestartRules') && profile.switches.restartRulesDropRestartPolicy) {
    d.drop(c, 'restartPolicyRules', path, 'ContainerRestartRules');
    if (has(c, 'restartPolicy') && !(init && c.restartPolicy === 'Always'))
      d.drop(c, 'restartPolicy', path, 'ContainerRestartRules');
  }
  if (d.off('InPlacePodVerticalScaling')) d.drop(c, 'resizePolicy', path, 'InPlacePodVerticalScaling');
  // Paths are built only for a field that is there: most containers have none of these.
  const resources = obj(c, 'resources');
  if (d.off('DynamicResourceAllocation') && has(resources, 'claims'))
    d.drop(resources, 'claims', [...path, 'resources'], 'DynamicResourceAllocation');
  const csc = obj(c, 'securityContext');
  // ProcMountType: the field was forced non-nil in 1.12, so it is set to Default, not removed.
  if (d.off('ProcMountType') && has(csc, 'procMount') && csc.procMount !== 'Default') {
    if (d.mutate) csc.procMount = 'Default';
    d.note([...path, 'securityContext', 'procMount'], 'ProcMountType', 'this value (it stores "Default")');
  }
  const lifecycle = obj(c, 'lifecycle');
  if (d.off('ContainerStopSignals') && has(lifecycle, 'stopSignal'))
    d.drop(lifecycle, 'stopSignal', [...path, 'lifecycle'], 'ContainerStopSignals');
  if (d.off('PodLifecycleSleepAction')) {
    for (const hook of ['postStart', 'preStop']) {
      const h = obj(lifecycle, hook);
      if (!has(h, 'sleep')) continue;
      d.drop(h, 'sleep', [...path, 'lifecycle', hook], 'PodLifecycleSleepAction');
      // 1.29 nils only the sleep action and keeps the (now empty) handler.
      if (!profile.switches.sleepDropLeavesEmptyHandler && Object.keys(h).length === 0 && lifecycle)
        delete lifecycle[hook];
    }
  }
  if (d.off('RecursiveReadOnlyMounts') && Array.isArray(c.volumeMounts)) {
    c.volumeMounts.forEach((m, i) => {
      if (isObject(m) && has(m as Obj, 'recursiveReadOnly'))
        d.drop(m as Obj, 'recursiveReadOnly', [...path, 'volumeMounts', i], 'RecursiveReadOnlyMounts');
    });
  }
  if (d.off('EnvFiles') && Array.isArray(c.env)) {
    c.env.forEach((e, i) => {
      const valueFrom = isObject(e) ? obj(e as Obj, 'valueFrom') : undefined;
      if (has(valueFrom, 'fileKeyRef')) d.drop(valueFrom, 'fileKeyRef', [...path, 'env', i, 'valueFrom'], 'EnvFiles');
    });
  }
}

/** dropImageVolumes (1.31+): the image volumes and every mount of them. */
function dropImageVolumes(spec: Obj, d: Dropper): void {
  if (!Array.isArray(spec.volumes)) return;
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
