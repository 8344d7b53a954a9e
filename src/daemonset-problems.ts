import type { Container } from './container';
import type { NetworkMode } from './network';
import { prefixIssues, type FieldPath, type Issue } from './validate/issue';
import { field, get, list } from './validate/read';
import type { Volume } from './volumes/volume';

/** What of a DaemonSet its construct-level checks look at. */
export interface DaemonSetParts {
  readonly initContainers: readonly Container[];
  readonly containers: readonly Container[];
  readonly volumes: readonly Volume[];
  readonly network: NetworkMode;
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly podLabels: Readonly<Record<string, string>>;
}

const POD_SPEC: FieldPath = ['spec', 'template', 'spec'];

/**
 * Misuse of the constructs that the API server can't see or would report less helpfully: the
 * console's own rules (NAT host ports, the NFS address form) and mistakes only the construct
 * tree can show (two volume objects with one name, a pod label that contradicts the selector).
 * TKEStack components' rules are engine rules (validate/rules/tkestack-*.ts). Paths are manifest
 * paths.
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

/**
 * Engine codes each construct-side check explains: the construct knows the cause (no
 * `addContainer()`, two Volume objects, an NFS address not in the console's `server:/path` form)
 * and says how to fix it in the construct API, so the engine's issue for the same fault, at the
 * construct issue's path or under it, is not reported a second time at synth. The engine still
 * reports these faults in YAML, where no construct explains them.
 */
const EXPLAINS: Readonly<Record<string, readonly string[]>> = {
  'container/none': ['container/containers-required'],
  'volume/name-reused': ['volume/name-duplicate'],
  'volume/nfs-address-invalid': ['volume/field-required', 'volume/nfs-path-not-absolute'],
};

function samePathSegment(a: FieldPath[number], b: FieldPath[number]): boolean {
  return typeof a === 'object' && typeof b === 'object' ? a.key === b.key : a === b;
}

/** Whether `path` is `base` or lies under it. */
function isAtOrUnder(path: FieldPath, base: FieldPath): boolean {
  return base.length <= path.length && base.every((seg, i) => samePathSegment(seg, path[i]));
}

const NOT_FOUND = new Set(['volume-mount/volume-not-found', 'volume-device/volume-not-found']);

/**
 * The engine's issues without those a construct-side problem already reports (see EXPLAINS),
 * and without "Not found" for a mount of a volume the pod has: as in Go, only volumes that passed
 * their own checks can be mounted, but a construct mounts a Volume object, so the volume's own
 * issue is the one fault to fix. A mount added by escape hatch for a volume the pod lacks is
 * still reported.
 */
export function unexplainedIssues(engine: readonly Issue[], problems: readonly Issue[], manifest: unknown): Issue[] {
  const explaining = problems.filter((p) => EXPLAINS[p.code] !== undefined);
  const volumeNames = new Set(list(field(manifest, 'spec', 'template', 'spec', 'volumes')).map((v) => get(v, 'name')));
  return engine.filter(
    (i) =>
      !explaining.some((p) => EXPLAINS[p.code].includes(i.code) && isAtOrUnder(i.path, p.path)) &&
      !(NOT_FOUND.has(i.code) && volumeNames.has(valueAt(manifest, i.path))),
  );
}

function valueAt(manifest: unknown, path: FieldPath): unknown {
  let v = manifest;
  for (const seg of path) v = typeof seg === 'number' ? list(v)[seg] : get(v, typeof seg === 'string' ? seg : seg.key);
  return v;
}
