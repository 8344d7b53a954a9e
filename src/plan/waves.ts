/**
 * The DaemonSet controller's rolling-update arithmetic (pkg/controller/daemon/update.go and
 * util/daemonset_util.go, 1.27 … 1.34): how many nodes roll at once, and so how many waves a change takes.
 */
import { scaledValue } from '../validate/phases/rollout-hazards';
import { field, list, num, str } from '../validate/read';

export { scaledValue };

/** How a template change rolls over N nodes. */
export interface Waves {
  /** The nodes the DaemonSet runs on (`--nodes`). */
  readonly nodes: number;
  /** Which setting sets the pace: surge pods first, or old pods taken down first. */
  readonly by: 'maxSurge' | 'maxUnavailable';
  /** Nodes updated at once. */
  readonly batch: number;
  /** Number of batches: ceil(nodes / batch). */
  readonly count: number;
  /** The least time a wave takes before the next may start: minReadySeconds plus the probes' initial delays. */
  readonly leastSecondsPerWave: number;
  /** count × leastSecondsPerWave. */
  readonly leastSecondsTotal: number;
}

/**
 * SurgeCount / UnavailableCount and updatedDesiredNodeCounts: maxSurge scaled to the node count,
 * else maxUnavailable; when both come out 0 the controller falls back to one unavailable node.
 * Expects a defaulted manifest (RollingUpdate with both fields set).
 */
export function rolloutBatch(manifest: unknown, nodes: number): { by: Waves['by']; batch: number } {
  const rolling = field(manifest, 'spec', 'updateStrategy', 'rollingUpdate');
  const surge = scaledValue(field(rolling, 'maxSurge') ?? 0, nodes, true) ?? 0;
  if (surge > 0) return { by: 'maxSurge', batch: surge };
  const unavailable = scaledValue(field(rolling, 'maxUnavailable') ?? 1, nodes, true) ?? 0;
  // "DaemonSet is not configured for surge or unavailability, defaulting to accepting unavailability"
  return { by: 'maxUnavailable', batch: unavailable > 0 ? unavailable : 1 };
}

function delay(probe: unknown): number {
  const d = num(field(probe, 'initialDelaySeconds'));
  return d !== undefined && d > 0 ? d : 0;
}

/**
 * The least time a new pod takes to count as available: it is Ready no sooner than its slowest
 * container's startup or readiness probe's initial delay (the kubelet probes only after it), and
 * available minReadySeconds after that (the controller waits for available pods between waves).
 */
export function leastSecondsPerWave(manifest: unknown): number {
  const minReady = num(field(manifest, 'spec', 'minReadySeconds'));
  let slowest = 0;
  for (const c of list(field(manifest, 'spec', 'template', 'spec', 'containers'))) {
    slowest = Math.max(slowest, delay(field(c, 'readinessProbe')), delay(field(c, 'startupProbe')));
  }
  return (minReady !== undefined && minReady > 0 ? minReady : 0) + slowest;
}

/** The waves of a RollingUpdate over `nodes` nodes; undefined for another strategy. */
export function rolloutWaves(manifest: unknown, nodes: number): Waves | undefined {
  if (str(field(manifest, 'spec', 'updateStrategy', 'type')) !== 'RollingUpdate') return undefined;
  const { by, batch } = rolloutBatch(manifest, nodes);
  const count = nodes === 0 ? 0 : Math.ceil(nodes / batch);
  const perWave = leastSecondsPerWave(manifest);
  return { nodes, by, batch, count, leastSecondsPerWave: perWave, leastSecondsTotal: count * perWave };
}
