import type { FieldPath } from '../validate/issue';
import { plain, props, ref, val, type Expr } from './code';
import type { DocContext } from './context';
import { mapEnv, mapEnvFrom } from './map-env';
import { mapLifecycle } from './map-lifecycle';
import { mapProbe } from './map-probe';
import { mapResources } from './map-resources';
import { mapContainerSecurityContext } from './map-security-context';
import type { MappedVolume } from './map-volumes';
import { CONTAINER_FIELDS } from './shapes';
import { has } from '../validate/read';
import { isBoolean, isNumber, isRecord, isString, isStringList, oneOf, onlyKeys, type Rec } from './values';

const optional = (o: Rec, k: string, check: (v: unknown) => boolean) => !has(o, k) || check(o[k]);

const isPort = (p: unknown): p is Rec =>
  isRecord(p) &&
  onlyKeys(p, ['containerPort', 'name', 'protocol', 'hostPort', 'hostIP']) &&
  isNumber(p.containerPort) &&
  optional(p, 'name', isString) &&
  optional(p, 'protocol', oneOf('TCP', 'UDP', 'SCTP')) &&
  optional(p, 'hostPort', isNumber) &&
  optional(p, 'hostIP', isString);

/** Fields `ContainerProps` writes as given, with the check of their TypeScript type. */
const SIMPLE: ReadonlyArray<readonly [string, (v: unknown) => boolean]> = [
  ['imagePullPolicy', oneOf('Always', 'IfNotPresent', 'Never')],
  ['command', isStringList],
  ['args', isStringList],
  ['workingDir', isString],
  ['terminationMessagePath', isString],
  ['terminationMessagePolicy', oneOf('File', 'FallbackToLogsOnError')],
];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** What a container's mapping needs from the pod: its volumes by name, and where mounts are recorded. */
export interface PodVolumes {
  readonly byName: ReadonlyMap<string, MappedVolume>;
  /** Volumes in the order containers first mount them (the order the DaemonSet declares them in). */
  readonly mountOrder: MappedVolume[];
}

function mapMount(m: unknown, volumes: PodVolumes): Expr | string {
  if (!isRecord(m) || !isString(m.name) || !isString(m.mountPath)) return 'a volume mount without a name or path';
  const v = volumes.byName.get(m.name);
  if (!v) return 'a mount of a volume the constructs do not write (it goes by escape hatch too)';
  if (
    !onlyKeys(m, [
      'name',
      'mountPath',
      'subPath',
      'subPathExpr',
      'readOnly',
      'mountPropagation',
      'recursiveReadOnly',
    ]) ||
    !optional(m, 'recursiveReadOnly', oneOf('Disabled', 'IfPossible', 'Enabled')) ||
    !optional(m, 'subPath', isString) ||
    !optional(m, 'subPathExpr', isString) ||
    !optional(m, 'readOnly', isBoolean) ||
    !optional(m, 'mountPropagation', oneOf('None', 'HostToContainer', 'Bidirectional'))
  ) {
    return 'a volume mount with a field MountOptions does not have';
  }
  if (!volumes.mountOrder.includes(v)) volumes.mountOrder.push(v);
  return props([
    ['path', val(m.mountPath)],
    ['volume', ref(v.variable)],
    ...['subPath', 'subPathExpr', 'readOnly', 'mountPropagation', 'recursiveReadOnly']
      .filter((k) => has(m, k))
      .map((k) => [k, val(m[k])] as const),
  ]);
}

/** One container (or init container) as `ContainerProps`. */
export function mapContainer(ctx: DocContext, c: Rec, path: FieldPath, volumes: PodVolumes): Expr {
  const entries: Array<readonly [string, Expr | undefined]> = [];
  // name and image are required props: a stand-in is written and then corrected by escape hatch.
  for (const k of ['name', 'image']) {
    entries.push([k, val(isString(c[k]) ? c[k] : '')]);
    if (!isString(c[k])) ctx.override(c, k, path, `container ${k} that is not a string`);
  }
  const known = ['name', 'image'];
  for (const [k, check] of SIMPLE) {
    if (has(c, k) && check(c[k])) {
      entries.push([k, val(c[k])]);
      known.push(k);
    }
  }
  for (const [k, check] of Object.entries(CONTAINER_FIELDS)) {
    if (has(c, k) && check(c[k])) {
      entries.push([k, plain(c[k])]);
      known.push(k);
    }
  }
  const list = (k: string, f: (v: unknown, p: FieldPath) => Expr | undefined) => {
    if (!has(c, k)) return;
    known.push(k);
    entries.push([k, f(c[k], [...path, k])]);
  };
  list('ports', (v, p) =>
    Array.isArray(v)
      ? ctx.list(v, p, (x) => (isPort(x) ? plain(x) : 'a port with a field ContainerPort does not have'))
      : ctx.skip(p, v, 'ports that are not a list'),
  );
  list('env', (v, p) => mapEnv(ctx, v, p));
  list('envFrom', (v, p) => mapEnvFrom(ctx, v, p));
  list('resources', (v, p) => mapResources(ctx, v, p));
  list('volumeMounts', (v, p) =>
    Array.isArray(v) ? ctx.list(v, p, (m) => mapMount(m, volumes)) : ctx.skip(p, v, 'volumeMounts that are not a list'),
  );
  for (const k of PROBES) list(k, (v, p) => mapProbe(ctx, v, p));
  list('securityContext', (v, p) => mapContainerSecurityContext(ctx, v, p));
  list('lifecycle', (v, p) => mapLifecycle(ctx, v, p));
  ctx.rest(c, known, path, (k) =>
    SIMPLE.some(([s]) => s === k) || Object.hasOwn(CONTAINER_FIELDS, k)
      ? `container ${k} has a value its construct type does not allow`
      : `container ${k} has no construct property`,
  );
  return props(entries);
}
