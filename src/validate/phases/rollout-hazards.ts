/**
 * Rollout hazards that one DaemonSet shows by itself: updates the API server accepts but that stall
 * a rollout or leave nothing to roll back to. Our warnings, not the server's: `validate`, synth and
 * `plan` all report them, and they never fail anything.
 */
import type { FieldPath, Issue } from '../issue';
import { field, list, num } from '../read';

const MAX_SURGE: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge'];

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as it is, `"N%"` of total rounded (up when
 * roundUp); undefined for what validation refuses (it is reported there).
 */
export function scaledValue(v: unknown, total: number, roundUp: boolean): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v !== 'string' || !/^\d+%$/.test(v)) return undefined;
  const percent = Number(v.slice(0, -1));
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

function usesHostPorts(podSpec: unknown): boolean {
  if (field(podSpec, 'hostNetwork') === true) return true;
  for (const listName of ['initContainers', 'containers']) {
    for (const c of list(field(podSpec, listName))) {
      for (const p of list(field(c, 'ports'))) {
        const hostPort = num(field(p, 'hostPort'));
        if (hostPort !== undefined && hostPort > 0) return true;
      }
    }
  }
  return false;
}

/**
 * maxSurge > 0 with hostNetwork or a hostPort: the surge pod is scheduled beside the old one on the
 * same node and cannot bind the port the old pod holds, so it never becomes ready and the rollout
 * stalls (the DaemonSet controller's surge path, pkg/controller/daemon/update.go).
 */
export function surgeWithHostPortHazard(manifest: unknown): Issue[] {
  const surge = field(manifest, ...(MAX_SURGE as string[]));
  // Any non-zero percentage surges at least one pod (rounded up), whatever the node count.
  const surges = (scaledValue(surge, 100, true) ?? 0) > 0;
  if (!surges || field(manifest, 'spec', 'updateStrategy', 'type') === 'OnDelete') return [];
  const podSpec = field(manifest, 'spec', 'template', 'spec');
  if (!usesHostPorts(podSpec)) return [];
  return [
    {
      path: MAX_SURGE,
      code: 'rollout/surge-with-host-port',
      message: `maxSurge ${JSON.stringify(surge)} with ${field(podSpec, 'hostNetwork') === true ? 'hostNetwork' : 'a hostPort'}: the surge pod cannot bind the port the old pod holds on the same node, so the rollout stalls; use maxSurge: 0 with maxUnavailable instead`,
    },
  ];
}

/** revisionHistoryLimit: 0 keeps no ControllerRevision to go back to. */
export function noRevisionHistoryHazard(manifest: unknown): Issue[] {
  if (field(manifest, 'spec', 'revisionHistoryLimit') !== 0) return [];
  return [
    {
      path: ['spec', 'revisionHistoryLimit'],
      code: 'rollout/no-revision-history',
      message:
        'revisionHistoryLimit is 0: no old revision is kept, so `kubectl rollout undo` has nothing to return to; keep at least 1 (default 10)',
    },
  ];
}

/** Every hazard one DaemonSet shows by itself. */
export function rolloutHazards(manifest: unknown): Issue[] {
  if (field(manifest, 'kind') !== 'DaemonSet') return [];
  return [...surgeWithHostPortHazard(manifest), ...noRevisionHistoryHazard(manifest)];
}
