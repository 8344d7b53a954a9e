import { DNS_POLICIES } from '../validate/api-values';
import type { FieldPath } from '../validate/issue';
import { arr, call, map, plain, props, val, type Expr } from './code';
import type { DocContext } from './context';
import { mapContainer, type PodVolumes } from './map-container';
import { mapAffinity, mapTolerations } from './map-scheduling';
import { POD_FIELDS } from './shapes';
import { mapPodSecurityContext } from './map-security-context';
import { declareVolumes, volumesProp, type MappedVolume } from './map-volumes';
import { has } from '../validate/read';
import { isBoolean, isNumber, isRecord, isRenderableStringMap, isString, oneOf, type Rec } from './values';

const isDnsPolicy = oneOf(...DNS_POLICIES);

/** Pod fields `DaemonSetProps` writes as given, with the check of their TypeScript type. */
const SIMPLE: ReadonlyArray<readonly [string, (v: unknown) => boolean]> = [
  ['automountServiceAccountToken', isBoolean],
  ['hostPID', isBoolean],
  ['hostIPC', isBoolean],
  ['priorityClassName', isString],
  ['terminationGracePeriodSeconds', isNumber],
];

/**
 * `hostNetwork` and `dnsPolicy` as the `network` and `dnsPolicy` props. NetworkMode.host() writes
 * dnsPolicy ClusterFirstWithHostNet unless given another, or `null` for none (vendor manifests
 * often leave it out; the API server then defaults it to ClusterFirst).
 */
function mapNetwork(
  ctx: DocContext,
  p: Rec,
  path: FieldPath,
  containers: unknown,
): Array<readonly [string, Expr | undefined]> {
  const dns = p.dnsPolicy;
  const hasDns = has(p, 'dnsPolicy');
  const dnsOk = hasDns && isDnsPolicy(dns);
  if (hasDns && !dnsOk) ctx.add([...path, 'dnsPolicy'], dns, 'a dnsPolicy DnsPolicy does not allow');
  if (p.hostNetwork === true) {
    // A policy the type refuses goes in by the escape hatch above, over none.
    if (!dnsOk) return [['network', call('NetworkMode.host', props([['dnsPolicy', val(null)]]))]];
    return [
      [
        'network',
        dns === 'ClusterFirstWithHostNet'
          ? call('NetworkMode.host')
          : call('NetworkMode.host', props([['dnsPolicy', val(dns)]])),
      ],
    ];
  }
  // `hostNetwork: false` is written by the overlay and NAT modes when asked; other values go by escape hatch.
  const writeFalse = p.hostNetwork === false;
  if (has(p, 'hostNetwork') && !writeFalse)
    ctx.add([...path, 'hostNetwork'], p.hostNetwork, 'a hostNetwork that is not a boolean');
  const options = writeFalse ? [props([['hostNetwork', val(false)]])] : [];
  // NAT is the console's name for overlay pods whose every container port has a host port.
  const ports = Array.isArray(containers)
    ? containers.flatMap((c) => (isRecord(c) && Array.isArray(c.ports) ? c.ports : []))
    : [];
  const nat = ports.length > 0 && ports.every((x) => isRecord(x) && has(x, 'hostPort'));
  return [
    [
      'network',
      nat ? call('NetworkMode.nat', ...options) : writeFalse ? call('NetworkMode.overlay', ...options) : undefined,
    ],
    ['dnsPolicy', dnsOk ? val(dns) : undefined],
  ];
}

function mapContainers(ctx: DocContext, p: Rec, k: string, path: FieldPath, volumes: PodVolumes): Expr | undefined {
  const list = p[k];
  if (!Array.isArray(list) || !list.every(isRecord)) {
    ctx.add(
      [...path, k],
      list,
      list === null ? `${k} written as null: cdk8s leaves nulls out` : `${k} that are not a list of objects`,
    );
    return undefined;
  }
  if (list.length === 0) {
    // The DaemonSet writes `containers: []` itself; init containers only when there are some.
    if (k === 'initContainers') ctx.add([...path, k], list, 'an empty list: the constructs write none');
    return k === 'containers' ? arr([]) : undefined;
  }
  return arr(list.map((c, i) => mapContainer(ctx, c, [...path, k, i], volumes)));
}

function mapImagePullSecrets(ctx: DocContext, s: unknown, path: FieldPath): Expr | undefined {
  if (!Array.isArray(s)) {
    ctx.add(path, s, 'imagePullSecrets that are not a list');
    return undefined;
  }
  return ctx.list(s, path, (x) =>
    isRecord(x) && Object.keys(x).length === 1 && isString(x.name)
      ? val(x.name)
      : 'an image pull secret other than { name }',
  );
}

/** The pod spec as `DaemonSetProps` entries. */
export function mapPodSpec(ctx: DocContext, p: Rec, path: FieldPath): Array<readonly [string, Expr | undefined]> {
  const known = ['containers', 'initContainers', 'volumes', 'hostNetwork', 'dnsPolicy'];
  const entries: Array<readonly [string, Expr | undefined]> = [];
  const rawVolumes = has(p, 'volumes') ? p.volumes : undefined;
  if (has(p, 'volumes') && !Array.isArray(rawVolumes))
    ctx.add([...path, 'volumes'], rawVolumes, 'volumes that are not a list');
  const volumeList = Array.isArray(rawVolumes) ? rawVolumes : [];
  const mapped = declareVolumes(ctx, volumeList);
  const byName = new Map<string, MappedVolume>();
  for (const m of mapped) if (typeof m !== 'string' && !byName.has(m.name)) byName.set(m.name, m);
  const volumes: PodVolumes = { byName, mountOrder: [] };

  const init = has(p, 'initContainers') ? mapContainers(ctx, p, 'initContainers', path, volumes) : undefined;
  const containers = has(p, 'containers') ? mapContainers(ctx, p, 'containers', path, volumes) : undefined;
  if (!has(p, 'containers')) ctx.remove([...path, 'containers'], 'no containers: the DaemonSet always writes the list');
  entries.push(['initContainers', init], ['containers', containers]);
  if (Array.isArray(rawVolumes))
    entries.push(['volumes', volumesProp(ctx, volumeList, mapped, volumes.mountOrder, [...path, 'volumes'])]);

  const field = (k: string, f: (v: unknown, fp: FieldPath) => readonly [string, Expr | undefined]) => {
    if (!has(p, k)) return;
    known.push(k);
    entries.push(f(p[k], [...path, k]));
  };
  field('imagePullSecrets', (v, fp) => ['imagePullSecrets', mapImagePullSecrets(ctx, v, fp)]);
  field('serviceAccountName', (v, fp) => {
    if (isString(v)) return ['serviceAccountName', val(v)];
    ctx.add(fp, v, 'a serviceAccountName that is not a string');
    return ['serviceAccountName', undefined];
  });
  if (has(p, 'affinity')) {
    known.push('affinity');
    entries.push(...mapAffinity(ctx, p.affinity, [...path, 'affinity']));
  }
  field('nodeSelector', (v, fp) => {
    if (isRenderableStringMap(v)) return ['nodeSelector', map(Object.entries(v).map(([k, x]) => [k, val(x)]))];
    ctx.add(fp, v, 'a nodeSelector that is not a map of strings cdk8s can render');
    return ['nodeSelector', undefined];
  });
  field('tolerations', (v, fp) => ['tolerations', mapTolerations(ctx, v, fp)]);
  field('securityContext', (v, fp) => ['securityContext', mapPodSecurityContext(ctx, v, fp)]);
  for (const [k, check] of SIMPLE) {
    if (has(p, k) && check(p[k])) {
      known.push(k);
      entries.push([k, val(p[k])]);
    }
  }
  for (const [k, check] of Object.entries(POD_FIELDS)) {
    if (has(p, k) && check(p[k])) {
      known.push(k);
      entries.push([k, plain(p[k])]);
    }
  }
  entries.push(...mapNetwork(ctx, p, path, p.containers));
  ctx.rest(p, known, path, (k) =>
    SIMPLE.some(([s]) => s === k) || Object.hasOwn(POD_FIELDS, k)
      ? `${k} has a value its construct type does not allow`
      : k === 'serviceAccount'
        ? 'serviceAccount, the deprecated alias of serviceAccountName, has no construct property'
        : `pod ${k} has no construct property`,
  );
  return entries;
}
