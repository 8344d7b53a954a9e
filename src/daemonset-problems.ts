import type { Container } from './container';
import type { NetworkMode } from './network';
import { releasePolicyProblems } from './tkestack/floating-ip';
import { vcudaCoreLimitProblems } from './tkestack/gpu-manager';
import { logDirectoryProblems } from './tkestack/log-directory';
import { prefixIssues, type FieldPath, type Issue } from './validate/issue';
import type { Volume } from './volumes/volume';

/** What of a DaemonSet its construct-level checks look at. */
export interface DaemonSetParts {
  readonly initContainers: readonly Container[];
  readonly containers: readonly Container[];
  readonly volumes: readonly Volume[];
  readonly network: NetworkMode;
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly vcudaCoreLimit?: number;
}

const POD_SPEC: FieldPath = ['spec', 'template', 'spec'];

/**
 * Misuse of the constructs that the API server can't see or would report less helpfully: the
 * console's own rules (NAT host ports, the NFS address form), TKEStack components' rules
 * (Galaxy, GPU Manager, LogAgent), and mistakes only the construct tree can show (two volume
 * objects with one name, a pod label that contradicts the selector). Paths are manifest paths.
 */
export function daemonSetProblems(ds: DaemonSetParts): Issue[] {
  const problems: Issue[] = [];
  for (const [listName, containers] of [
    ['initContainers', ds.initContainers],
    ['containers', ds.containers],
  ] as const) {
    containers.forEach((c, i) => {
      problems.push(...prefixIssues([...POD_SPEC, listName, i], c._problems()));
    });
  }
  if (ds.containers.length === 0) {
    problems.push({
      path: [...POD_SPEC, 'containers'],
      code: 'container/none',
      message: 'a DaemonSet needs at least one container: call addContainer() or pass containers',
    });
  }
  if (ds.network.kind === 'NAT') problems.push(...natProblems(ds.containers));
  problems.push(...releasePolicyProblems(ds.network.releasePolicy));
  for (const [k, v] of Object.entries(ds.podLabels)) {
    const selected = ds.matchLabels[k];
    if (selected !== undefined && selected !== v) {
      problems.push({
        path: ['spec', 'template', 'metadata', 'labels'],
        code: 'selector/pod-label-conflict',
        message: `podLabels sets "${k}" to "${v}" but matchLabels selects "${selected}": drop it from podLabels`,
      });
    }
  }
  for (const c of ds.containers) {
    if (c.logDirectory !== undefined) problems.push(...logDirectoryProblems(c.name, c.logDirectory, c._mountPaths()));
  }
  if (ds.vcudaCoreLimit !== undefined)
    problems.push(...prefixIssues(['spec', 'template'], vcudaCoreLimitProblems(ds.vcudaCoreLimit)));
  problems.push(...volumeProblems(ds.volumes));
  return problems;
}

/** The NAT network mode maps every container port to a host port, so each needs one. */
function natProblems(containers: readonly Container[]): Issue[] {
  return containers.flatMap((c, i) =>
    c.containerPorts.flatMap((p, j) =>
      p.hostPort !== undefined
        ? []
        : [
            {
              path: [...POD_SPEC, 'containers', i, 'ports', j, 'hostPort'],
              code: 'network/nat-host-port-missing',
              message: `the NAT network mode maps container ports to host ports: set hostPort for containerPort ${p.containerPort}`,
            },
          ],
    ),
  );
}

/** Each volume's own problems, and two different volume objects sharing a name. */
function volumeProblems(volumes: readonly Volume[]): Issue[] {
  const problems: Issue[] = [];
  const byName = new Map<string, Volume>();
  volumes.forEach((v, i) => {
    problems.push(...prefixIssues([...POD_SPEC, 'volumes', i], v._problems));
    const other = byName.get(v.name);
    if (other && other !== v) {
      problems.push({
        path: [...POD_SPEC, 'volumes', i, 'name'],
        code: 'volume/name-reused',
        message: `two different volumes are named "${v.name}": give each volume object its own name, or mount the same object`,
      });
    }
    byName.set(v.name, v);
  });
  return problems;
}
