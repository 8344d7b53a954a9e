/**
 * Rollout hazards: updates the API server accepts but that stall or hurt a fleet. Warnings, not
 * rejections; each is `{path, code, message}` like an issue.
 */
import type { Issue } from '../validate/issue';
import { field } from '../validate/read';

export { noRevisionHistoryHazard, surgeWithHostPortHazard } from '../validate/phases/rollout-hazards';

/** A warning has the shape of an issue. */
export type Warning = Issue;

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
