/**
 * Small helpers the container rule files share: where a container sits, and the v1 defaults
 * (pkg/apis/core/v1/defaults.go, 1.27) that change what validation sees.
 */
import type { FieldPath, Issue } from '../../issue';
import { field, get, list } from '../../read';
import type { RuleContext } from '../../rule';

export function issue(path: FieldPath, code: string, message: string): Issue {
  return { path, code, message };
}

/** True when the manifest is a bare Pod (some checks run only for pods, not pod templates). */
export function isPod(ctx: RuleContext): boolean {
  return field(ctx.manifest, 'kind') === 'Pod';
}

/** The container's index in its list: the last segment of its path. */
export function containerIndex(path: FieldPath): number {
  const last = path[path.length - 1];
  return typeof last === 'number' ? last : -1;
}

/** The containers of one list of the pod spec. */
export function containersOf(
  ctx: RuleContext,
  which: 'containers' | 'initContainers' | 'ephemeralContainers',
): readonly unknown[] {
  return list(get(ctx.podSpec, which));
}

/** Absent, null and "" all decode to Go's "". Undefined when the value is another type. */
export function goString(v: unknown): string | undefined {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : undefined;
}

/** Absent, null → 0 (Go's zero value). Undefined when the value is not an integer. */
export function goInt(v: unknown): number | undefined {
  if (v === undefined || v === null) return 0;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** A pointer-ish field is "set" when present and not null. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

export function hostNetwork(ctx: RuleContext): boolean {
  return get(ctx.podSpec, 'hostNetwork') === true;
}

/**
 * hostPort after defaulting: SetDefaults_PodSpec (1.27) copies containerPort into a zero hostPort
 * of regular and init containers when hostNetwork is true (defaultHostNetworkPorts).
 */
export function defaultedHostPort(
  port: unknown,
  ctx: RuleContext,
  containerList: RuleContext['containerList'],
): number | undefined {
  const hp = goInt(get(port, 'hostPort'));
  if (hp === undefined) return undefined;
  // Templates lost this defaulting in 1.28 (it moved to SetDefaults_Pod); Pods keep it.
  const defaults = ctx.profile.switches.templateHostNetworkHostPortDefaulting || ctx.podSpecPath?.length === 1;
  if (hp === 0 && defaults && hostNetwork(ctx) && containerList !== 'ephemeralContainers') {
    return goInt(get(port, 'containerPort'));
  }
  return hp;
}

/** protocol after SetDefaults_ContainerPort: "" becomes TCP. */
export function defaultedProtocol(port: unknown): string | undefined {
  const p = goString(get(port, 'protocol'));
  return p === '' ? 'TCP' : p;
}
