import { type FieldPath, type Issue, key, toFieldPath } from '../issue';
import { entries, field, isObject, list, num, str } from '../read';
import { formatIP, isIPv4Mapped, parseAddr, parseIPSloppy } from '../rules/_shared/ip';
import { labelValueErrors } from '../rules/_shared/names';
import type { VersionProfile } from '../versions/profile';

/**
 * GetWarningsForPodTemplate (pkg/api/pod/warnings.go, with pkg/api/node/util.go's deprecated node
 * labels), as each minor 1.27 … 1.34 words it: what the server accepts but tells kubectl to print
 * as `Warning: …`. Each warning is data: its path, a `warning/*` code, and the server's text after
 * the path. Runs on the stored object (after defaulting and dropping), as the server does.
 *
 * Not modelled yet: fractional memory and ephemeral-storage values, and duplicated paths between a
 * projected serviceAccountToken and other sources.
 */

const DEPRECATED_NODE_LABELS: Readonly<Record<string, string>> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type': 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};
// Added to the list in 1.31.
const MORE_DEPRECATED_NODE_LABELS: Readonly<Record<string, string>> = {
  'node-role.kubernetes.io/master': 'use "node-role.kubernetes.io/control-plane" instead',
  'app.kubernetes.io/created-by': 'deprecated since v1.9',
  'scheduler.alpha.kubernetes.io/preferAvoidPods': 'deprecated since v1.22; use Taints and Tolerations instead',
};

const DEPRECATED_ANNOTATIONS: Readonly<Record<string, string>> = {
  'scheduler.alpha.kubernetes.io/critical-pod': 'non-functional in v1.16+; use the "priorityClassName" field instead',
  'security.alpha.kubernetes.io/sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
  'security.alpha.kubernetes.io/unsafe-sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
};

const DEPRECATED_VOLUMES: readonly [string, string][] = [
  ['photonPersistentDisk', 'deprecated in v1.11, non-functional in v1.16+'],
  ['gitRepo', 'deprecated in v1.11'],
  ['scaleIO', 'deprecated in v1.16, non-functional in v1.22+'],
  ['flocker', 'deprecated in v1.22, non-functional in v1.25+'],
  ['storageos', 'deprecated in v1.22, non-functional in v1.25+'],
  ['quobyte', 'deprecated in v1.22, non-functional in v1.25+'],
  ['glusterfs', 'deprecated in v1.25, non-functional in v1.26+'],
];

// podutil.VisitContainersWithPath's order: which of two equal ports or names comes first is in the text.
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** How checkPorts (1.28, pkg/api/pod/warnings.go) words each clash of two port definitions. */
const PORT_CLASHES = { duplicate: 'duplicate', overlapping: 'overlapping', ambiguous: 'dangerously ambiguous' };

class Warnings {
  readonly out: Issue[] = [];
  constructor(readonly profile: VersionProfile) {}
  add(path: FieldPath, what: string, message: string): void {
    this.out.push({ path, code: `warning/${what}`, message });
  }
}

function nodeLabelMessage(k: string, profile: VersionProfile): string | undefined {
  if (Object.hasOwn(DEPRECATED_NODE_LABELS, k)) return DEPRECATED_NODE_LABELS[k];
  if (Object.hasOwn(MORE_DEPRECATED_NODE_LABELS, k) && profile.switches.warnMoreDeprecatedNodeLabels)
    return MORE_DEPRECATED_NODE_LABELS[k];
  return undefined;
}

/**
 * GetWarningsForNodeSelectorTerm: deprecated keys, and (1.33, preferred terms only) invalid values,
 * one warning per fault of a value (it ranges over IsValidLabelValue's messages).
 */
function nodeSelectorTerm(w: Warnings, term: unknown, path: FieldPath, checkValues: boolean): void {
  list(field(term, 'matchExpressions')).forEach((e, i) => {
    const k = str(field(e, 'key'));
    const msg = k === undefined ? undefined : nodeLabelMessage(k, w.profile);
    if (msg) w.add([...path, 'matchExpressions', i, 'key'], 'deprecated-node-label', `${k} is ${msg}`);
    if (!checkValues) return;
    list(field(e, 'values')).forEach((v, j) => {
      if (typeof v !== 'string') return;
      for (const err of labelValueErrors(v))
        w.add([...path, 'matchExpressions', i, 'values', j], 'invalid-label-value', `${v} is invalid, ${err}`);
    });
  });
}

function scheduling(w: Warnings, spec: unknown, at: FieldPath): void {
  const { switches } = w.profile;
  for (const [k] of entries(field(spec, 'nodeSelector'))) {
    const msg = nodeLabelMessage(k, w.profile);
    if (msg) w.add([...at, 'nodeSelector', key(k)], 'deprecated-node-label', msg);
  }
  const node = field(spec, 'affinity', 'nodeAffinity');
  const requiredPath = [...at, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'];
  list(field(node, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms')).forEach((t, i) => {
    nodeSelectorTerm(w, t, [...requiredPath, 'nodeSelectorTerms', i], false);
  });
  list(field(node, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((t, i) => {
    nodeSelectorTerm(
      w,
      field(t, 'preference'),
      [...at, 'affinity', 'nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', i, 'preference'],
      switches.warnPreferredNodeAffinityValues,
    );
  });
  list(field(spec, 'topologySpreadConstraints')).forEach((t, i) => {
    const p = [...at, 'topologySpreadConstraints', i];
    const k = str(field(t, 'topologyKey'));
    const msg = k === undefined ? undefined : nodeLabelMessage(k, w.profile);
    if (msg) w.add([...p, 'topologyKey'], 'deprecated-node-label', `${k} is ${msg}`);
    if (field(t, 'labelSelector') == null && switches.warnNullLabelSelector)
      w.add([...p, 'labelSelector'], 'null-label-selector', 'a null labelSelector results in matching no pod');
  });
}

function podAffinityTerms(w: Warnings, spec: unknown, at: FieldPath): void {
  const { switches } = w.profile;
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = field(spec, 'affinity', kind);
    const base = [...at, 'affinity', kind];
    list(field(a, 'requiredDuringSchedulingIgnoredDuringExecution')).forEach((t, i) => {
      if (isObject(t) && field(t, 'labelSelector') == null && switches.warnNullLabelSelector)
        w.add(
          [...base, 'requiredDuringSchedulingIgnoredDuringExecution', i, 'labelSelector'],
          'null-label-selector',
          'a null labelSelector results in matching no pod',
        );
    });
    list(field(a, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((t, i) => {
      if (isObject(t) && field(t, 'podAffinityTerm', 'labelSelector') == null && switches.warnNullLabelSelector)
        w.add(
          [...base, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm', 'labelSelector'],
          'null-label-selector',
          'a null labelSelector results in matching no pod',
        );
    });
  }
}

function volumes(w: Warnings, spec: unknown, at: FieldPath): void {
  const { switches } = w.profile;
  list(field(spec, 'volumes')).forEach((v, i) => {
    const p = [...at, 'volumes', i];
    for (const [source, message] of DEPRECATED_VOLUMES) {
      if (field(v, source) == null) continue;
      const disabled =
        source === 'gitRepo' && switches.warnGitRepoDisabled ? ', and disabled by default in v1.33+' : '';
      w.add([...p, source], 'deprecated-volume', `${message}${disabled}`);
    }
    for (const source of ['cephfs', 'rbd'])
      if (field(v, source) != null && switches.warnCephDeprecated)
        w.add([...p, source], 'deprecated-volume', 'deprecated in v1.28, non-functional in v1.31+');
    if (WRITES_FILES.some((source) => field(v, source) != null) && switches.warnVolumePaths) volumePaths(w, v, p);
  });
}

/** The volume sources volumePaths looks at: any other volume has nothing to warn about. */
const WRITES_FILES = ['configMap', 'secret', 'downwardAPI', 'projected'];

/** 1.32's checks of the files one volume writes: overlapping paths, and a projection with no source. */
function volumePaths(w: Warnings, v: unknown, p: FieldPath): void {
  const name = str(field(v, 'name')) ?? '';
  const files: { path: string; from: string }[] = [];
  const itemsOf = (src: unknown, from: string) => {
    for (const item of list(field(src, 'items'))) {
      const path = str(field(item, 'path'));
      if (path !== undefined) files.push({ path, from });
    }
  };
  let label: string;
  if (field(v, 'configMap') != null) {
    label = `ConfigMap ${JSON.stringify(str(field(v, 'configMap', 'name')) ?? '')}`;
    itemsOf(field(v, 'configMap'), '');
  } else if (field(v, 'secret') != null) {
    label = `Secret ${JSON.stringify(str(field(v, 'secret', 'secretName')) ?? '')}`;
    itemsOf(field(v, 'secret'), '');
  } else if (field(v, 'downwardAPI') != null) {
    label = 'DownwardAPI';
    itemsOf(field(v, 'downwardAPI'), '');
  } else if (field(v, 'projected') != null) {
    label = 'Projected';
    // 1.32's loop warns for each empty projection and goes on with the others (the server's warning
    // filter keeps one of identical texts, so one warning per volume).
    const sources = list(field(v, 'projected', 'sources'));
    const empty = (s: unknown) => !isObject(s) || Object.values(s).every((x) => x == null);
    if (sources.some(empty))
      w.add(p, 'projected-no-sources', `volume ${JSON.stringify(name)} (Projected) has no sources provided`);
    for (const s of sources) {
      if (field(s, 'configMap') != null)
        itemsOf(field(s, 'configMap'), ` (ConfigMap ${JSON.stringify(str(field(s, 'configMap', 'name')) ?? '')})`);
      if (field(s, 'secret') != null)
        itemsOf(field(s, 'secret'), ` (Secret ${JSON.stringify(str(field(s, 'secret', 'name')) ?? '')})`);
      if (field(s, 'downwardAPI') != null) itemsOf(field(s, 'downwardAPI'), ' (DownwardAPI)');
      const token = str(field(s, 'serviceAccountToken', 'path'));
      if (token !== undefined) files.push({ path: token, from: ' (ServiceAccountToken)' });
    }
  } else return;
  // checkVolumeMappingForOverlap: a path equal to, or inside, one written before it.
  for (let i = 1; i < files.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = files[i].path;
      const b = files[j].path;
      if (a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)) {
        w.add(
          p,
          'overlapping-paths',
          `volume ${JSON.stringify(name)} (${label}): overlapping paths: ${JSON.stringify(a)}${files[i].from} with ${JSON.stringify(b)}${files[j].from}`,
        );
      }
    }
  }
}

function annotations(w: Warnings, meta: unknown, spec: unknown, metaPath: FieldPath): void {
  const notes = field(meta, 'annotations');
  for (const [k, msg] of Object.entries(DEPRECATED_ANNOTATIONS))
    if (field(notes, k) !== undefined) w.add([...metaPath, 'annotations', key(k)], 'deprecated-annotation', msg);
  const seccomp = 'seccomp.security.alpha.kubernetes.io/pod';
  if (field(spec, 'securityContext', 'seccompProfile') == null && field(notes, seccomp) !== undefined)
    w.add(
      [...metaPath, 'annotations', key(seccomp)],
      'deprecated-annotation',
      'non-functional in v1.27+; use the "seccompProfile" field instead',
    );
}

function containers(w: Warnings, spec: unknown, meta: unknown, at: FieldPath, metaPath: FieldPath): void {
  const { switches } = w.profile;
  const notes = field(meta, 'annotations');
  const podAppArmor = field(spec, 'securityContext', 'appArmorProfile') != null;
  const ports: { path: FieldPath; containerPort: unknown; protocol: string; hostIP: string; hostPort: number }[] = [];
  const names = new Map<string, FieldPath>();
  for (const listName of CONTAINER_LISTS) {
    list(field(spec, listName)).forEach((c, ci) => {
      const cp = [...at, listName, ci];
      const name = str(field(c, 'name')) ?? '';
      const seccomp = `container.seccomp.security.alpha.kubernetes.io/${name}`;
      if (field(c, 'securityContext', 'seccompProfile') == null && field(notes, seccomp) !== undefined)
        w.add(
          [...metaPath, 'annotations', key(seccomp)],
          'deprecated-annotation',
          'non-functional in v1.27+; use the "seccompProfile" field instead',
        );
      const apparmor = `container.apparmor.security.beta.kubernetes.io/${name}`;
      const hasField = podAppArmor || field(c, 'securityContext', 'appArmorProfile') != null;
      if (field(notes, apparmor) !== undefined && !hasField && switches.warnAppArmorAnnotation)
        w.add(
          [...metaPath, 'annotations', key(apparmor)],
          'deprecated-annotation',
          'deprecated since v1.30; use the "appArmorProfile" field instead',
        );
      envWarnings(w, c, cp);
      list(field(c, 'ports')).forEach((port, pi) => {
        const path = [...cp, 'ports', pi];
        const hostIP = str(field(port, 'hostIP')) ?? '';
        const hostPort = num(field(port, 'hostPort')) ?? 0;
        const protocol = str(field(port, 'protocol')) ?? 'TCP';
        const containerPort = field(port, 'containerPort');
        const portName = str(field(port, 'name')) ?? '';
        // Each switch is read when there is something to warn about (range mode shares the rest).
        if (hostIP !== '' && hostPort === 0 && switches.warnPortDefinitions)
          w.add(
            path,
            'port-host-ip-without-host-port',
            `hostIP set without hostPort: {Name:${portName} HostPort:${hostPort} ContainerPort:${containerPort} Protocol:${protocol} HostIP:${hostIP}}`,
          );
        for (const other of ports) {
          if (other.containerPort !== containerPort || other.protocol !== protocol) continue;
          const clash =
            hostIP === other.hostIP && hostPort === other.hostPort
              ? 'duplicate'
              : hostPort === 0 || other.hostPort === 0
                ? 'overlapping'
                : hostPort === other.hostPort && (hostIP === '') !== (other.hostIP === '')
                  ? 'ambiguous'
                  : undefined;
          if (clash && switches.warnPortDefinitions)
            w.add(path, `port-${clash}`, `${PORT_CLASHES[clash]} port definition with ${toFieldPath(other.path)}`);
        }
        ports.push({ path, containerPort, protocol, hostIP, hostPort });
        if (portName !== '') {
          const first = names.get(portName);
          if (first === undefined) names.set(portName, path);
          else if (switches.warnDuplicatePortNames)
            w.add(
              path,
              'port-name-duplicate',
              `duplicate port name ${JSON.stringify(portName)} with ${toFieldPath(first)}, services and probes that select ports by name will use ${toFieldPath(first)}`,
            );
        }
      });
    });
  }
}

function envWarnings(w: Warnings, c: unknown, cp: FieldPath): void {
  const { switches } = w.profile;
  const seen = new Set<string>();
  list(field(c, 'env')).forEach((e, i) => {
    const name = str(field(e, 'name'));
    if (name === undefined) return;
    if (!seen.has(name)) {
      seen.add(name);
      return;
    }
    if (!switches.warnEnvHidesPrevious) {
      w.add([...cp, 'env', i, 'name'], 'env-duplicate', `duplicate name ${JSON.stringify(name)}`);
      return;
    }
    const value = str(field(e, 'value')) ?? '';
    const ref = `$(${name})`;
    if (field(e, 'valueFrom') != null || value === ref || !value.includes(ref)) {
      const apply = switches.warnEnvDroppedByApply ? ', which may be dropped when using apply' : '';
      w.add([...cp, 'env', i], 'env-hides-previous', `hides previous definition of ${JSON.stringify(name)}${apply}`);
    }
  });
}

function misc(w: Warnings, spec: unknown, at: FieldPath): void {
  const { switches } = w.profile;
  const ips = new Set<unknown>();
  list(field(spec, 'hostAliases')).forEach((h, i) => {
    const ip = field(h, 'ip');
    if (ips.has(ip))
      w.add([...at, 'hostAliases', i, 'ip'], 'host-alias-duplicate-ip', `duplicate ip ${JSON.stringify(ip)}`);
    else ips.add(ip);
    if (typeof ip === 'string' && switches.warnNonStandardIPs) nonStandardIP(w, ip, [...at, 'hostAliases', i, 'ip']);
  });
  const secrets = new Set<unknown>();
  const pullSecrets = list(field(spec, 'imagePullSecrets'));
  pullSecrets.forEach((s, i) => {
    const name = field(s, 'name');
    if (pullSecrets.length > 1) {
      if (secrets.has(name))
        w.add(
          [...at, 'imagePullSecrets', i, 'name'],
          'image-pull-secret-duplicate',
          `duplicate name ${JSON.stringify(name)}`,
        );
      else secrets.add(name);
    }
  });
  pullSecrets.forEach((s, i) => {
    if ((str(field(s, 'name')) ?? '') === '')
      w.add([...at, 'imagePullSecrets', i, 'name'], 'image-pull-secret-empty', 'invalid empty name ""');
  });
  const grace = num(field(spec, 'terminationGracePeriodSeconds'));
  if (grace !== undefined && grace < 0)
    w.add(
      [...at, 'terminationGracePeriodSeconds'],
      'negative-grace-period',
      'must be >= 0; negative values are invalid and will be treated as 1',
    );
  const nameservers = list(field(spec, 'dnsConfig', 'nameservers'));
  if (nameservers.length > 0 && switches.warnNonStandardIPs)
    nameservers.forEach((ip, i) => {
      if (typeof ip === 'string') nonStandardIP(w, ip, [...at, 'dnsConfig', 'nameservers', i]);
    });
}

/**
 * GetWarningsForIP (apimachinery util/validation/ip.go, the same in 1.33 and 1.34) for an address
 * validation accepted (ParseIPSloppy). One that netip.ParseAddr refuses (a leading zero in an IPv4
 * part, more than four hex digits in an IPv6 group) or reads as IPv4-mapped IPv6 is non-standard,
 * and the hint is net.IP's text of it (a mapped address prints as IPv4); any other IPv6 address
 * not written as netip prints it gets its RFC 5952 form.
 */
function nonStandardIP(w: Warnings, ip: string, path: FieldPath): void {
  const sloppy = parseIPSloppy(ip);
  if (sloppy === undefined) return; // the server logs the call and warns nothing
  const strict = parseAddr(ip);
  if (strict === undefined || (strict.v6 && isIPv4Mapped(strict.bytes))) {
    w.add(
      path,
      'non-standard-ip',
      `non-standard IP address ${JSON.stringify(ip)} will be considered invalid in a future Kubernetes release: use ${JSON.stringify(formatIP(sloppy.bytes))}`,
    );
    return;
  }
  // Go asks addr.Is6() first; an IPv4 address netip accepts is printed as it was written anyway.
  const canonical = formatIP(strict.bytes);
  if (canonical !== ip)
    w.add(
      path,
      'non-canonical-ip',
      `IPv6 address ${JSON.stringify(ip)} should be in RFC 5952 canonical format (${JSON.stringify(canonical)})`,
    );
}

/** The warnings the server sends for an accepted DaemonSet (or Pod), in no particular order. */
export function podTemplateWarnings(manifest: unknown, profile: VersionProfile): Issue[] {
  const isPod = str(field(manifest, 'kind')) === 'Pod';
  const at: FieldPath = isPod ? ['spec'] : ['spec', 'template', 'spec'];
  const metaPath: FieldPath = isPod ? ['metadata'] : ['spec', 'template', 'metadata'];
  const spec = field(manifest, ...at.map(String));
  const meta = field(manifest, ...metaPath.map(String));
  const w = new Warnings(profile);
  scheduling(w, spec, at);
  annotations(w, meta, spec, metaPath);
  volumes(w, spec, at);
  misc(w, spec, at);
  containers(w, spec, meta, at, metaPath);
  podAffinityTerms(w, spec, at);
  return w.out;
}
