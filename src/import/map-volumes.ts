import { parseNfsAddress } from '../volumes/nfs';
import type { FieldPath } from '../validate/issue';
import { arr, call, plain, props, ref, val, type Expr } from './code';
import type { DocContext } from './context';
import { isFieldPath, isResourcePath } from './map-env';
import { downwardApiFiles, ephemeralSource, keyItems, labelSelector, shape, stringMap } from './shapes';
import { has } from '../validate/read';
import { isBoolean, isNumber, isRecord, isString, oneOf, onlyKeys, type Rec } from './values';

/** A pod volume the constructs write: its variable and name. */
export interface MappedVolume {
  readonly name: string;
  readonly variable: string;
}

const optional = (o: Rec, k: string, check: (v: unknown) => boolean) => !has(o, k) || check(o[k]);
const isItems = (v: unknown) =>
  Array.isArray(v) &&
  v.every(
    (i) =>
      isRecord(i) &&
      onlyKeys(i, ['key', 'path', 'mode']) &&
      isString(i.key) &&
      isString(i.path) &&
      optional(i, 'mode', isNumber),
  );
const isProjection = (s: Rec) =>
  optional(s, 'items', isItems) && optional(s, 'defaultMode', isNumber) && optional(s, 'optional', isBoolean);
const isMedium = (v: unknown) => isString(v) && (v === '' || v === 'Memory' || v.startsWith('HugePages'));

function options(s: Rec, keys: readonly string[]): Expr {
  return props(keys.filter((k) => has(s, k)).map((k) => [k, plain(s[k])]));
}

const files = downwardApiFiles(isFieldPath, isResourcePath);
const isToken = shape({ path: isString, audience: isString, expirationSeconds: isNumber }, ['path']);
const isKeySource = shape({ name: isString, items: keyItems, optional: isBoolean }, ['name']);
const isTrustBundle = shape(
  { path: isString, name: isString, signerName: isString, labelSelector, optional: isBoolean },
  ['path'],
);
const isCsi = shape(
  {
    driver: isString,
    readOnly: isBoolean,
    fsType: isString,
    volumeAttributes: stringMap,
    nodePublishSecretRef: shape({ name: isString }, ['name']),
  },
  ['driver'],
);
const isImage = shape({ reference: isString, pullPolicy: oneOf('Always', 'IfNotPresent', 'Never') }, ['reference']);

/** One projected source as a `VolumeProjection` factory call, when one writes it as given. */
function projection(p: unknown): Expr | undefined {
  if (!isRecord(p) || Object.keys(p).length !== 1) return undefined;
  const [kind] = Object.keys(p);
  const x = p[kind];
  switch (kind) {
    case 'serviceAccountToken':
      return isToken(x) ? call('VolumeProjection.serviceAccountToken', plain(x)) : undefined;
    case 'configMap':
    case 'secret': {
      if (!isKeySource(x)) return undefined;
      const r = x as Rec;
      const o = options(r, ['items', 'optional']);
      const callee = kind === 'configMap' ? 'VolumeProjection.configMap' : 'VolumeProjection.secret';
      return o.kind === 'object' && o.entries.length === 0 ? call(callee, val(r.name)) : call(callee, val(r.name), o);
    }
    case 'downwardAPI':
      return isRecord(x) && onlyKeys(x, ['items']) && files(x.items)
        ? call('VolumeProjection.downwardApi', plain(x.items))
        : undefined;
    case 'clusterTrustBundle':
      return isTrustBundle(x) ? call('VolumeProjection.clusterTrustBundle', plain(x)) : undefined;
  }
  return undefined;
}

/** The `Volume.fromX(...)` call for one volume, or undefined when no factory writes it as given. */
function volumeCall(v: Rec, name: string): Expr | undefined {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length !== 1) return undefined;
  const s = v[sources[0]];
  if (!isRecord(s)) return undefined;
  switch (sources[0]) {
    case 'hostPath':
      if (!onlyKeys(s, ['path', 'type']) || !isString(s.path)) return undefined;
      if (
        !optional(
          s,
          'type',
          oneOf('', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'),
        )
      )
        return undefined;
      return call('Volume.fromHostPath', val(name), options(s, ['path', 'type']));
    case 'emptyDir':
      if (
        !onlyKeys(s, ['medium', 'sizeLimit']) ||
        !optional(s, 'medium', isMedium) ||
        !optional(s, 'sizeLimit', (x) => isString(x) || isNumber(x))
      )
        return undefined;
      return Object.keys(s).length === 0
        ? call('Volume.fromEmptyDir', val(name))
        : call('Volume.fromEmptyDir', val(name), options(s, ['medium', 'sizeLimit']));
    case 'nfs': {
      if (
        !onlyKeys(s, ['server', 'path', 'readOnly']) ||
        !isString(s.server) ||
        !isString(s.path) ||
        !optional(s, 'readOnly', isBoolean)
      )
        return undefined;
      // The factory takes the console's `server:/path`; only use it when that splits back exactly.
      const address = `${s.server}:${s.path}`;
      const back = parseNfsAddress(address);
      if (back.server !== s.server || back.path !== s.path) return undefined;
      return has(s, 'readOnly')
        ? call('Volume.fromNfs', val(name), val(address), options(s, ['readOnly']))
        : call('Volume.fromNfs', val(name), val(address));
    }
    case 'configMap': {
      if (!onlyKeys(s, ['name', 'items', 'defaultMode', 'optional']) || !isString(s.name) || !isProjection(s))
        return undefined;
      const o = options(s, ['items', 'defaultMode', 'optional']);
      const cm = val(s.name);
      return o.kind === 'object' && o.entries.length === 0
        ? call('Volume.fromConfigMap', val(name), cm)
        : call('Volume.fromConfigMap', val(name), cm, o);
    }
    case 'secret': {
      if (
        !onlyKeys(s, ['secretName', 'items', 'defaultMode', 'optional']) ||
        !isString(s.secretName) ||
        !isProjection(s)
      )
        return undefined;
      const o = options(s, ['items', 'defaultMode', 'optional']);
      const secret = val(s.secretName);
      return o.kind === 'object' && o.entries.length === 0
        ? call('Volume.fromSecret', val(name), secret)
        : call('Volume.fromSecret', val(name), secret, o);
    }
    case 'projected': {
      if (
        !onlyKeys(s, ['sources', 'defaultMode']) ||
        !Array.isArray(s.sources) ||
        !optional(s, 'defaultMode', isNumber)
      )
        return undefined;
      const sources = s.sources.map(projection);
      if (!sources.every((e): e is Expr => e !== undefined)) return undefined;
      return call(
        'Volume.fromProjected',
        val(name),
        props([
          ['sources', arr(sources)],
          ['defaultMode', has(s, 'defaultMode') ? val(s.defaultMode) : undefined],
        ]),
      );
    }
    case 'downwardAPI':
      return shape({ items: files, defaultMode: isNumber }, ['items'])(s)
        ? call('Volume.fromDownwardApi', val(name), plain(s))
        : undefined;
    case 'csi': {
      if (!isCsi(s)) return undefined;
      const ref = s.nodePublishSecretRef;
      return call(
        'Volume.fromCsi',
        val(name),
        props(
          Object.keys(s).map((k) => [k, k === 'nodePublishSecretRef' && isRecord(ref) ? val(ref.name) : plain(s[k])]),
        ),
      );
    }
    case 'ephemeral':
      return ephemeralSource(s) ? call('Volume.fromEphemeral', val(name), plain(s.volumeClaimTemplate)) : undefined;
    case 'image':
      return isImage(s) ? call('Volume.fromImage', val(name), plain(s)) : undefined;
    case 'persistentVolumeClaim': {
      if (!onlyKeys(s, ['claimName', 'readOnly']) || !isString(s.claimName) || !optional(s, 'readOnly', isBoolean))
        return undefined;
      const claim = val(s.claimName);
      return has(s, 'readOnly')
        ? call('Volume.fromPersistentVolumeClaim', val(name), claim, options(s, ['readOnly']))
        : call('Volume.fromPersistentVolumeClaim', val(name), claim);
    }
  }
  return undefined;
}

/**
 * Declares a `const` per volume the constructs can write (`const varlog = Volume.fromHostPath(...)`),
 * in input order, and returns them by index; other volumes (a source no factory has, or a
 * value its options type refuses) are left to `volumesProp`'s escape hatches.
 */
export function declareVolumes(ctx: DocContext, volumes: readonly unknown[]): Array<MappedVolume | string> {
  return volumes.map((v) => {
    if (!isRecord(v) || !isString(v.name)) return 'a volume without a name';
    const e = volumeCall(v, v.name);
    if (!e) {
      const kinds = Object.keys(v).filter((k) => k !== 'name');
      return `a ${kinds.join('/') || 'source-less'} volume no Volume factory writes as given`;
    }
    const variable = ctx.ids.unique(v.name, 'volume');
    ctx.decls.push({ kind: 'const', name: variable, value: e });
    return { name: v.name, variable };
  });
}

/** The `volumes` prop, when mount order alone would not write the volumes in input order. */
export function volumesProp(
  ctx: DocContext,
  volumes: readonly unknown[],
  mapped: ReadonlyArray<MappedVolume | string>,
  mountOrder: readonly MappedVolume[],
  path: FieldPath,
): Expr | undefined {
  const list = ctx.list(volumes, path, (_v, i) =>
    typeof mapped[i] === 'string' ? (mapped[i] as string) : ref((mapped[i] as MappedVolume).variable),
  );
  const declared = mapped.filter((m): m is MappedVolume => typeof m !== 'string');
  const sameOrder = declared.length === mountOrder.length && declared.every((m, i) => m === mountOrder[i]);
  return sameOrder ? undefined : list;
}
