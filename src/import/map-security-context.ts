import type { FieldPath } from '../validate/issue';
import { plain, props, type Expr } from './code';
import type { DocContext } from './context';
import { appArmorProfile, windowsOptions } from './shapes';
import { has } from '../validate/read';
import { isBoolean, isNumber, isRecord, isString, isStringList, oneOf, onlyKeys, type Rec } from './values';

type Check = (v: unknown) => boolean;

const isSeccomp: Check = (v) =>
  isRecord(v) &&
  onlyKeys(v, ['type', 'localhostProfile']) &&
  oneOf('RuntimeDefault', 'Unconfined', 'Localhost')(v.type) &&
  (!has(v, 'localhostProfile') || isString(v.localhostProfile));
const isSeLinux: Check = (v) =>
  isRecord(v) && onlyKeys(v, ['user', 'role', 'type', 'level']) && Object.values(v).every(isString);
const isCapabilities: Check = (v) =>
  isRecord(v) && onlyKeys(v, ['add', 'drop']) && Object.values(v).every(isStringList);
const isNumberList: Check = (v) => Array.isArray(v) && v.every(isNumber);
const isSysctls: Check = (v) =>
  Array.isArray(v) &&
  v.every((s) => isRecord(s) && onlyKeys(s, ['name', 'value']) && isString(s.name) && isString(s.value));

/** `ContainerSecurityContext` fields, each with the check its TypeScript type makes. */
const CONTAINER: Readonly<Record<string, Check>> = {
  privileged: isBoolean,
  capabilities: isCapabilities,
  allowPrivilegeEscalation: isBoolean,
  readOnlyRootFilesystem: isBoolean,
  runAsUser: isNumber,
  runAsGroup: isNumber,
  runAsNonRoot: isBoolean,
  seccompProfile: isSeccomp,
  seLinuxOptions: isSeLinux,
  procMount: oneOf('Default', 'Unmasked'),
  appArmorProfile,
  windowsOptions,
};

/** `PodSecurityContext` fields. */
const POD: Readonly<Record<string, Check>> = {
  runAsUser: isNumber,
  runAsGroup: isNumber,
  runAsNonRoot: isBoolean,
  fsGroup: isNumber,
  fsGroupChangePolicy: oneOf('OnRootMismatch', 'Always'),
  supplementalGroups: isNumberList,
  seccompProfile: isSeccomp,
  seLinuxOptions: isSeLinux,
  sysctls: isSysctls,
  appArmorProfile,
  windowsOptions,
  supplementalGroupsPolicy: oneOf('Merge', 'Strict'),
};

/**
 * A security context the constructs write as given: the fields their types allow go in props,
 * the rest (fields they lack, values of another type) by escape hatch into the written object.
 */
function mapContext(
  ctx: DocContext,
  sc: unknown,
  path: FieldPath,
  fields: Readonly<Record<string, Check>>,
): Expr | undefined {
  if (!isRecord(sc)) {
    ctx.add(path, sc, 'a securityContext that is not an object');
    return undefined;
  }
  const ok = (k: string) => Object.hasOwn(fields, k) && fields[k](sc[k]);
  const known = Object.keys(sc).filter(ok);
  ctx.rest(sc, known, path, (k) =>
    Object.hasOwn(fields, k)
      ? `securityContext.${k} has a value its construct type does not allow`
      : `securityContext.${k} has no construct property`,
  );
  return props(known.map((k) => [k, plain((sc as Rec)[k])]));
}

export function mapContainerSecurityContext(ctx: DocContext, sc: unknown, path: FieldPath): Expr | undefined {
  return mapContext(ctx, sc, path, CONTAINER);
}

export function mapPodSecurityContext(ctx: DocContext, sc: unknown, path: FieldPath): Expr | undefined {
  return mapContext(ctx, sc, path, POD);
}
