import { ENV_FIELD_PATHS } from '../env';
import { FIELD_REF_MAPS, HUGEPAGES_FIELD_PREFIXES, RESOURCE_FIELD_PATHS } from '../validate/api-values';
import type { FieldPath } from '../validate/issue';
import { call, map, props, val, type Expr } from './code';
import type { DocContext } from './context';
import { has } from '../validate/read';
import { isBoolean, isNumber, isRecord, isString, onlyKeys, type Rec } from './values';

/** The `EnvFieldPath` union of env.ts, as a check. */
const FIELD_PATHS: ReadonlySet<string> = new Set(ENV_FIELD_PATHS);
export const isFieldPath = (v: unknown): boolean =>
  isString(v) &&
  (FIELD_PATHS.has(v) ||
    FIELD_REF_MAPS.some((m) => v.startsWith(`${m}['`) && v.endsWith("']") && v.length >= m.length + 4));

/** The `EnvResourcePath` union of env.ts, as a check. */
const RESOURCE_PATHS: ReadonlySet<string> = new Set(RESOURCE_FIELD_PATHS);
export const isResourcePath = (v: unknown): boolean =>
  isString(v) && (RESOURCE_PATHS.has(v) || HUGEPAGES_FIELD_PREFIXES.some((p) => v.startsWith(p)));

const optional = (o: Rec, k: string, check: (v: unknown) => boolean) => !has(o, k) || check(o[k]);

function keyRef(r: unknown, kind: 'configMap' | 'secret'): Expr | undefined {
  if (
    !isRecord(r) ||
    !onlyKeys(r, ['name', 'key', 'optional']) ||
    !isString(r.name) ||
    !isString(r.key) ||
    !optional(r, 'optional', isBoolean)
  )
    return undefined;
  const source = val(r.name);
  const callee = kind === 'configMap' ? 'EnvValue.fromConfigMap' : 'EnvValue.fromSecret';
  return has(r, 'optional')
    ? call(callee, source, val(r.key), props([['optional', val(r.optional)]]))
    : call(callee, source, val(r.key));
}

/** The `EnvValue` of one variable, or undefined when no factory writes it as given. */
function envValue(e: Rec): Expr | undefined {
  if (has(e, 'value') && !has(e, 'valueFrom'))
    return isString(e.value) && onlyKeys(e, ['name', 'value']) ? call('EnvValue.fromValue', val(e.value)) : undefined;
  const from = e.valueFrom;
  if (has(e, 'value') || !onlyKeys(e, ['name', 'valueFrom']) || !isRecord(from) || Object.keys(from).length !== 1)
    return undefined;
  const [kind] = Object.keys(from);
  const r = from[kind];
  switch (kind) {
    case 'configMapKeyRef':
      return keyRef(r, 'configMap');
    case 'secretKeyRef':
      return keyRef(r, 'secret');
    case 'fieldRef':
      if (
        !isRecord(r) ||
        !onlyKeys(r, ['fieldPath', 'apiVersion']) ||
        !isFieldPath(r.fieldPath) ||
        !optional(r, 'apiVersion', isString)
      )
        return undefined;
      return has(r, 'apiVersion')
        ? call('EnvValue.fromFieldRef', val(r.fieldPath), props([['apiVersion', val(r.apiVersion)]]))
        : call('EnvValue.fromFieldRef', val(r.fieldPath));
    case 'resourceFieldRef': {
      if (
        !isRecord(r) ||
        !onlyKeys(r, ['resource', 'containerName', 'divisor']) ||
        !isResourcePath(r.resource) ||
        !optional(r, 'containerName', isString) ||
        !optional(r, 'divisor', (x) => isString(x) || isNumber(x))
      )
        return undefined;
      const o = props([
        ['containerName', has(r, 'containerName') ? val(r.containerName) : undefined],
        ['divisor', has(r, 'divisor') ? val(r.divisor) : undefined],
      ]);
      return o.kind === 'object' && o.entries.length > 0
        ? call('EnvValue.fromResource', val(r.resource), o)
        : call('EnvValue.fromResource', val(r.resource));
    }
  }
  return undefined;
}

/**
 * `env` as a map of name to `EnvValue`. Variables go in by escape hatch at their index when no
 * factory writes them, when their name repeats (the construct keeps one value per name), or
 * when the name is an array index, which an object literal would move to the front.
 */
export function mapEnv(ctx: DocContext, env: unknown, path: FieldPath): Expr | undefined {
  if (!Array.isArray(env)) {
    ctx.add(path, env, 'env that is not a list');
    return undefined;
  }
  const seen = new Set<string>();
  const entries: Array<readonly [string, Expr]> = [];
  const list = ctx.list(env, path, (e) => {
    if (!isRecord(e) || !isString(e.name)) return 'an env variable without a name';
    if (seen.has(e.name)) return 'a repeated env variable name: the construct keeps one value per name';
    if (/^\d+$/.test(e.name)) return 'an env variable named by digits only: an object literal would reorder it';
    const v = envValue(e);
    if (!v) return 'an env variable no EnvValue factory writes as given';
    seen.add(e.name);
    entries.push([e.name, v]);
    return v;
  });
  return list ? map(entries) : undefined;
}

/** One `envFrom` source, or why it can't be one. */
function envFromSource(s: unknown): Expr | string {
  const reason = 'an envFrom source no EnvFrom factory writes as given';
  if (!isRecord(s) || !onlyKeys(s, ['configMapRef', 'secretRef', 'prefix']) || !optional(s, 'prefix', isString))
    return reason;
  const kinds = ['configMapRef', 'secretRef'].filter((k) => has(s, k));
  if (kinds.length !== 1) return reason;
  const r = s[kinds[0]];
  if (!isRecord(r) || !onlyKeys(r, ['name', 'optional']) || !isString(r.name) || !optional(r, 'optional', isBoolean))
    return reason;
  const o = props([
    ['prefix', has(s, 'prefix') ? val(s.prefix) : undefined],
    ['optional', has(r, 'optional') ? val(r.optional) : undefined],
  ]);
  const configMap = kinds[0] === 'configMapRef';
  const source = val(r.name);
  const callee = configMap ? 'EnvFrom.configMap' : 'EnvFrom.secret';
  return o.kind === 'object' && o.entries.length > 0 ? call(callee, source, o) : call(callee, source);
}

export function mapEnvFrom(ctx: DocContext, envFrom: unknown, path: FieldPath): Expr | undefined {
  if (!Array.isArray(envFrom)) {
    ctx.add(path, envFrom, 'envFrom that is not a list');
    return undefined;
  }
  return ctx.list(envFrom, path, envFromSource);
}
