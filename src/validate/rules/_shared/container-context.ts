/**
 * Small helpers the container rule files share: where a container sits, and the v1 defaults
 * (pkg/apis/core/v1/defaults.go, 1.27) that change what validation sees.
 */
import type { FieldPath } from '../../issue';
import { field, get, goInt, goString, list } from '../../read';
import type { RuleContext } from '../../rule';

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

export function hostNetwork(ctx: RuleContext): boolean {
  return get(ctx.podSpec, 'hostNetwork') === true;
}

/**
 * hostPort after defaulting: SetDefaults_PodSpec (1.27) copies containerPort into a zero hostPort
 * of regular and init containers when hostNetwork is true (defaultHostNetworkPorts). For the ports
 * of those two lists only: ephemeral containers may not have ports, and the port rules skip them.
 */
export function defaultedHostPort(port: unknown, ctx: RuleContext): number | undefined {
  const hp = goInt(get(port, 'hostPort'));
  // Templates lost this defaulting in 1.28 (it moved to SetDefaults_Pod); Pods keep it.
  const defaults = ctx.profile.switches.templateHostNetworkHostPortDefaulting || ctx.podSpecPath?.length === 1;
  if (hp === 0 && defaults && hostNetwork(ctx)) {
    return goInt(get(port, 'containerPort'));
  }
  return hp;
}

/** protocol after SetDefaults_ContainerPort: "" becomes TCP. */
export function defaultedProtocol(port: unknown): string | undefined {
  const p = goString(get(port, 'protocol'));
  return p === '' ? 'TCP' : p;
}
