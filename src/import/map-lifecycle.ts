import type { FieldPath } from '../validate/issue';
import { call, plain, props, val, type Expr } from './code';
import type { DocContext } from './context';
import { has } from '../validate/read';
import { isNumber, isRecord, isString, isStringList, oneOf, onlyKeys, type Rec } from './values';

const HOOKS = ['postStart', 'preStop'];
/** LifecycleHandler's actions (`sleep` came in 1.29). */
const ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

const isPort = (v: unknown) => isNumber(v) || isString(v);
const optional = (o: Rec, k: string, check: (v: unknown) => boolean) => !has(o, k) || check(o[k]);
const isHeaders = (v: unknown) =>
  Array.isArray(v) &&
  v.every((h) => isRecord(h) && onlyKeys(h, ['name', 'value']) && isString(h.name) && isString(h.value));

function options(o: Rec, keys: readonly string[]): Expr {
  return props(keys.filter((k) => has(o, k)).map((k) => [k, plain(o[k])] as const));
}

/** A hook as a `Handler.fromX(...)` call, or undefined when no factory writes it as given. */
function handlerCall(h: unknown): Expr | undefined {
  if (!isRecord(h)) return undefined;
  const actions = Object.keys(h);
  if (actions.length !== 1 || !ACTIONS.includes(actions[0])) return undefined;
  const a = h[actions[0]];
  if (!isRecord(a)) return undefined;
  switch (actions[0]) {
    case 'exec':
      return onlyKeys(a, ['command']) && isStringList(a.command)
        ? call('Handler.fromCommand', val(a.command))
        : undefined;
    case 'httpGet':
      // Handler.fromHttpGet always writes `path`; an input without one goes by escape hatch.
      if (
        !onlyKeys(a, ['path', 'port', 'scheme', 'host', 'httpHeaders']) ||
        !isString(a.path) ||
        !has(a, 'port') ||
        !isPort(a.port) ||
        !optional(a, 'scheme', oneOf('HTTP', 'HTTPS')) ||
        !optional(a, 'host', isString) ||
        !optional(a, 'httpHeaders', isHeaders)
      )
        return undefined;
      return call('Handler.fromHttpGet', val(a.path), options(a, ['port', 'scheme', 'host', 'httpHeaders']));
    case 'sleep':
      return onlyKeys(a, ['seconds']) && isNumber(a.seconds) ? call('Handler.fromSleep', val(a.seconds)) : undefined;
    case 'tcpSocket':
      if (!onlyKeys(a, ['port', 'host']) || !has(a, 'port') || !isPort(a.port) || !optional(a, 'host', isString))
        return undefined;
      return call('Handler.fromTcpSocket', options(a, ['port', 'host']));
  }
  return undefined;
}

/**
 * A container's `lifecycle` as `ContainerLifecycle` props: each hook a Handler, a hook no factory
 * writes by escape hatch at its own path. Undefined (the whole field by escape hatch) when no hook
 * maps, since the container then writes no `lifecycle` at all.
 */
export function mapLifecycle(ctx: DocContext, l: unknown, path: FieldPath): Expr | undefined {
  if (!isRecord(l)) {
    ctx.add(path, l, 'a lifecycle that is not an object');
    return undefined;
  }
  const mapped = HOOKS.filter((k) => has(l, k)).map((k) => [k, handlerCall(l[k])] as const);
  if (!mapped.some(([, e]) => e !== undefined)) {
    ctx.add(
      path,
      l,
      Object.keys(l).length === 0
        ? 'an empty lifecycle: the constructs write none'
        : 'a lifecycle whose hooks no Handler factory writes as given',
    );
    return undefined;
  }
  for (const [k, e] of mapped)
    if (!e) ctx.add([...path, k], l[k], `lifecycle ${k} whose handler no Handler factory writes as given`);
  ctx.rest(l, HOOKS, path, (k) => `lifecycle ${k} has no construct property`);
  return props(mapped.filter(([, e]) => e !== undefined));
}
