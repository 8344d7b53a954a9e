import { parseNfsAddress } from '../volumes/nfs';
import type { FieldPath } from '../validate/issue';
import { call, plain, props, ref, val, type Expr } from './code';
import type { DocContext } from './context';
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

/** The `Volume.fromX(...)` call for one volume, or undefined when no factory writes it as given. */
function volumeCall(ctx: DocContext, v: Rec, name: string): Expr | undefined {
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
      const cm = ctx.reference('configMap', s.name);
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
      const secret = ctx.reference('secret', s.secretName);
      return o.kind === 'object' && o.entries.length === 0
        ? call('Volume.fromSecret', val(name), secret)
        : call('Volume.fromSecret', val(name), secret, o);
    }
    case 'persistentVolumeClaim': {
      if (!onlyKeys(s, ['claimName', 'readOnly']) || !isString(s.claimName) || !optional(s, 'readOnly', isBoolean))
        return undefined;
      const claim = ctx.reference('claim', s.claimName);
      return has(s, 'readOnly')
        ? call('Volume.fromPersistentVolumeClaim', val(name), claim, options(s, ['readOnly']))
        : call('Volume.fromPersistentVolumeClaim', val(name), claim);
    }
  }
  return undefined;
}

/**
 * Declares a `const` per volume the constructs can write (`const varlog = Volume.fromHostPath(...)`),
 * in input order, and returns them by index; other volumes (projected, downwardAPI, csi, …) are
 * left to `mapVolumeList`'s escape hatches.
 */
export function declareVolumes(ctx: DocContext, volumes: readonly unknown[]): Array<MappedVolume | string> {
  return volumes.map((v) => {
    if (!isRecord(v) || !isString(v.name)) return 'a volume without a name';
    const e = volumeCall(ctx, v, v.name);
    if (!e) {
      const kinds = Object.keys(v).filter((k) => k !== 'name');
      return `a ${kinds.join('/') || 'source-less'} volume: Volume has factories for emptyDir, hostPath, nfs, configMap, secret and persistentVolumeClaim only, written as given`;
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
