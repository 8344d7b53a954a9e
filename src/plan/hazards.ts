/**
 * Rollout hazards: updates the API server accepts but that stall or hurt a fleet. Warnings, not
 * rejections; each is `{path, code, message}` like an issue.
 */
import type { FieldPath, Issue } from '../validate/issue';
import { field, list, num } from '../validate/read';
import { scaledValue } from './waves';

/** A warning has the shape of an issue. */
export type Warning = Issue;

const MAX_SURGE: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge'];

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
 * stalls. Seen from one object, so `validate` and synth can report it too.
 */
export function surgeWithHostPortHazard(manifest: unknown): Warning[] {
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
export function noRevisionHistoryHazard(manifest: unknown): Warning[] {
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

/**
 * A template change to a node-critical host-network agent (a CNI, kube-proxy, a storage node
 * plugin): every node's networking or storage restarts, one wave after another.
 */
export function nodeCriticalRestartHazard(manifest: unknown): Warning[] {
  const podSpec = field(manifest, 'spec', 'template', 'spec');
  if (field(podSpec, 'hostNetwork') !== true || field(podSpec, 'priorityClassName') !== 'system-node-critical')
    return [];
  return [
    {
      path: ['spec', 'template'],
      code: 'rollout/node-critical-restart',
      message:
        'the pod template of a hostNetwork, system-node-critical DaemonSet changes: the node agent (network or storage) restarts on every node; roll it out in a maintenance window and watch the first wave',
    },
  ];
}

/** Under OnDelete a template change rolls nothing: pods keep the old template until deleted by hand. */
export function onDeleteHazard(): Warning[] {
  return [
    {
      path: ['spec', 'updateStrategy', 'type'],
      code: 'rollout/on-delete-pending',
      message:
        'updateStrategy is OnDelete: no pod is replaced until it is deleted by hand (kubectl delete pod on each node); until then nodes run the old template',
    },
  ];
}
