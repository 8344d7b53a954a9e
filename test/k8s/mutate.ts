/**
 * Seeded mutants of a DaemonSet for the differential test: each applies one to three small edits of
 * the kinds a hand-written manifest goes wrong by (values swapped, fields removed, list entries
 * duplicated, keys renamed, numbers pushed over limits, strings made invalid, one enum value put for
 * another, a value left null). The same seed gives the same mutants on every machine.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** mulberry32: a small, fast, seeded PRNG (public domain). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

// The request's identity is not mutated: kubectl fills in a missing namespace from its context
// (test/k8s/fixtures/TestValidateDaemonSet.yaml, missing-namespace), and a changed kind or
// apiVersion is another resource altogether.
const PINNED = new Set(['apiVersion', 'kind', 'metadata.namespace']);

interface Site {
  readonly path: Path;
  readonly value: Json;
}

function sites(node: Json, path: Path = [], out: Site[] = []): Site[] {
  if (!PINNED.has(path.join('.'))) out.push({ path, value: node });
  if (Array.isArray(node)) for (let i = 0; i < node.length; i++) sites(node[i], [...path, i], out);
  else if (node !== null && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) sites(v, [...path, k], out);
  return out;
}

function parentOf(root: Json, path: Path): Json {
  let n: any = root;
  for (const p of path.slice(0, -1)) n = n[p];
  return n;
}

function setAt(root: Json, path: Path, value: Json): void {
  (parentOf(root, path) as any)[path[path.length - 1]] = value;
}

/** Values that sit at Kubernetes' limits, or just past them. */
const NUMBERS = [0, -1, 1, 63, 64, 100, 101, 255, 256, 511, 512, 1024, 65535, 65536, 2147483647, 2147483648, 1.5];

/** Enum values of the pod API: one put for another exercises each rule's list of allowed values. */
const ENUMS = [
  'Always',
  'OnFailure',
  'Never',
  'IfNotPresent',
  'TCP',
  'UDP',
  'SCTP',
  'File',
  'FallbackToLogsOnError',
  'Socket',
  'Directory',
  'DirectoryOrCreate',
  'FileOrCreate',
  'CharDevice',
  'BlockDevice',
  'NoSchedule',
  'PreferNoSchedule',
  'NoExecute',
  'Exists',
  'Equal',
  'In',
  'NotIn',
  'DoesNotExist',
  'Gt',
  'Lt',
  'ClusterFirst',
  'ClusterFirstWithHostNet',
  'Default',
  'None',
  'RollingUpdate',
  'OnDelete',
  'Memory',
  'HostToContainer',
  'Bidirectional',
  'RuntimeDefault',
  'Localhost',
  'Unconfined',
  'DoNotSchedule',
  'ScheduleAnyway',
  'Honor',
  'Ignore',
  'HTTP',
  'HTTPS',
  'OnRootMismatch',
  'linux',
  'windows',
  'v1',
  'metadata.name',
  'spec.nodeName',
  'status.hostIP',
  'limits.cpu',
  'requests.memory',
  'NET_ADMIN',
  'CAP_SYS_ADMIN',
  'runtime/default',
  'localhost/profile',
  'unconfined',
];

/**
 * The values each field name takes in the pod API: a value put for another of the same field
 * probes the edges of each rule's list of allowed values (a dropped `Socket`, a dropped `NotIn`).
 */
const VALUES_BY_KEY: Readonly<Record<string, readonly string[]>> = {
  type: [
    '',
    'Socket',
    'File',
    'FileOrCreate',
    'Directory',
    'DirectoryOrCreate',
    'CharDevice',
    'BlockDevice',
    'RollingUpdate',
    'OnDelete',
    'RuntimeDefault',
    'Localhost',
    'Unconfined',
    'socket',
  ],
  operator: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt', 'Equal', 'in', 'Equals'],
  protocol: ['TCP', 'UDP', 'SCTP', 'tcp', 'ICMP', ''],
  restartPolicy: ['Always', 'OnFailure', 'Never', ''],
  effect: ['NoSchedule', 'PreferNoSchedule', 'NoExecute', '', 'NoExec'],
  imagePullPolicy: ['Always', 'IfNotPresent', 'Never', '', 'always'],
  dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None', ''],
  mountPropagation: ['None', 'HostToContainer', 'Bidirectional', 'Private'],
  medium: ['', 'Memory', 'HugePages', 'HugePages-2Mi', 'Disk'],
  whenUnsatisfiable: ['DoNotSchedule', 'ScheduleAnyway', ''],
  terminationMessagePolicy: ['File', 'FallbackToLogsOnError', 'Logs'],
  scheme: ['HTTP', 'HTTPS', 'FTP'],
  fieldPath: [
    'metadata.name',
    'metadata.namespace',
    'metadata.uid',
    'spec.nodeName',
    'spec.serviceAccountName',
    'status.hostIP',
    'status.hostIPs',
    'status.podIP',
    'status.podIPs',
    "metadata.labels['a']",
    'metadata.labels',
    'status.phase',
  ],
  resource: [
    'limits.cpu',
    'limits.memory',
    'requests.cpu',
    'requests.memory',
    'limits.ephemeral-storage',
    'requests.hugepages-2Mi',
    'limits.gpu',
  ],
  key: ['metadata.name', 'kubernetes.io/hostname', 'node-role.kubernetes.io/control-plane', 'a/b/c', ''],
  maxUnavailable: ['0%', '1%', '100%', '101%', '10'],
  maxSurge: ['0%', '1%', '100%', '101%'],
};

function badStrings(s: string): string[] {
  return [
    '',
    s.toUpperCase(),
    `${s}..`,
    `../${s}`,
    `/${s}`,
    `${s}/`,
    `${s} x`,
    `${s}_x`,
    `-${s}`,
    `1${s}`,
    `${s}%`,
    `${s}:`,
    'a'.repeat(64),
    'a'.repeat(254),
    `${s}\\x`,
    `${s}.`,
  ];
}

/** Field names of the pod API, for renames that land on another real field. */
const FIELD_NAMES = [
  'name',
  'image',
  'path',
  'mountPath',
  'subPath',
  'readOnly',
  'value',
  'key',
  'operator',
  'effect',
  'hostPort',
  'containerPort',
  'protocol',
  'port',
  'type',
  'medium',
  'claimName',
  'secretName',
  'defaultMode',
  'items',
  'hostNetwork',
  'hostPID',
  'privileged',
  'runAsUser',
  'command',
  'args',
  'matchLabels',
  'labels',
  'annotations',
  'volumes',
  'env',
  'envFrom',
  'resources',
  'limits',
  'requests',
];

type Operator = (root: Json, rnd: () => number) => string | undefined;

const removeField: Operator = (root, rnd) => {
  const all = sites(root).filter((x) => x.path.length > 0);
  if (all.length === 0) return undefined;
  const s = pick(rnd, all);
  const parent = parentOf(root, s.path) as any;
  const last = s.path[s.path.length - 1];
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return `remove ${s.path.join('.')}`;
};

const swapValues: Operator = (root, rnd) => {
  const leaves = sites(root).filter((x) => x.path.length > 0 && (x.value === null || typeof x.value !== 'object'));
  if (leaves.length < 2) return undefined;
  const a = pick(rnd, leaves);
  const b = pick(rnd, leaves);
  setAt(root, a.path, b.value);
  setAt(root, b.path, a.value);
  return `swap ${a.path.join('.')} <-> ${b.path.join('.')}`;
};

const duplicateEntry: Operator = (root, rnd) => {
  const lists = sites(root).filter((x) => Array.isArray(x.value) && x.value.length > 0);
  if (lists.length === 0) return undefined;
  const l = pick(rnd, lists);
  const xs = l.value as Json[];
  xs.push(structuredClone(pick(rnd, xs)));
  return `duplicate an entry of ${l.path.join('.')}`;
};

const renameKey: Operator = (root, rnd) => {
  const keyed = sites(root).filter((x) => typeof x.path[x.path.length - 1] === 'string');
  if (keyed.length === 0) return undefined;
  const s = pick(rnd, keyed);
  const parent = parentOf(root, s.path) as any;
  const from = s.path[s.path.length - 1] as string;
  const to = rnd() < 0.5 ? pick(rnd, FIELD_NAMES) : rnd() < 0.5 ? from.toLowerCase() : `${from}s`;
  if (to === from) return undefined;
  delete parent[from];
  parent[to] = s.value;
  return `rename ${s.path.join('.')} -> ${to}`;
};

const pushNumber: Operator = (root, rnd) => {
  const nums = sites(root).filter((x) => typeof x.value === 'number');
  const any = sites(root).filter((x) => x.path.length > 0);
  if (any.length === 0) return undefined;
  const s = nums.length > 0 ? pick(rnd, nums) : pick(rnd, any);
  const n = typeof s.value === 'number' ? s.value : 0;
  const v = pick(rnd, [...NUMBERS, n + 1, n - 1, n * 1000]);
  setAt(root, s.path, v);
  return `number ${s.path.join('.')} = ${v}`;
};

const breakString: Operator = (root, rnd) => {
  const strs = sites(root).filter((x) => typeof x.value === 'string' && x.path.length > 0);
  if (strs.length === 0) return undefined;
  const s = pick(rnd, strs);
  const v = pick(rnd, badStrings(s.value as string));
  setAt(root, s.path, v);
  return `string ${s.path.join('.')} = ${JSON.stringify(v)}`;
};

const otherEnum: Operator = (root, rnd) => {
  const strs = sites(root).filter((x) => typeof x.value === 'string' && x.path.length > 0);
  if (strs.length === 0) return undefined;
  const s = pick(rnd, strs);
  const v = pick(rnd, ENUMS);
  setAt(root, s.path, v);
  return `enum ${s.path.join('.')} = ${v}`;
};

const keyedValue: Operator = (root, rnd) => {
  const keyed = sites(root).filter((x) => {
    const k = x.path[x.path.length - 1];
    return typeof k === 'string' && k in VALUES_BY_KEY && (typeof x.value === 'string' || typeof x.value === 'number');
  });
  if (keyed.length === 0) return undefined;
  const s = pick(rnd, keyed);
  const v = pick(rnd, VALUES_BY_KEY[s.path[s.path.length - 1] as string]);
  setAt(root, s.path, v);
  return `value ${s.path.join('.')} = ${JSON.stringify(v)}`;
};

// `key:` with nothing after it, as a half-edited manifest has: YAML reads null, which Go decodes by
// the field's type (a nil pointer, slice or map; the zero value of a quantity or string in a map).
const nullValue: Operator = (root, rnd) => {
  const all = sites(root).filter((x) => x.path.length > 0 && x.value !== null);
  if (all.length === 0) return undefined;
  const s = pick(rnd, all);
  setAt(root, s.path, null);
  return `null ${s.path.join('.')}`;
};

const OPERATORS: readonly Operator[] = [
  nullValue,
  keyedValue,
  keyedValue,
  removeField,
  swapValues,
  duplicateEntry,
  renameKey,
  pushNumber,
  breakString,
  otherEnum,
  otherEnum,
  breakString,
];

/** One mutant of `seed` (never changed): its manifest and the edits made, in order. */
export function mutant(seed: unknown, rnd: () => number): { manifest: Json; edits: string[] } {
  const manifest = structuredClone(seed) as Json;
  const edits: string[] = [];
  const count = 1 + Math.floor(rnd() * 3);
  for (let tries = 0; edits.length < count && tries < 10; tries++) {
    const e = pick(rnd, OPERATORS)(manifest, rnd);
    if (e) edits.push(e);
  }
  return { manifest, edits };
}
