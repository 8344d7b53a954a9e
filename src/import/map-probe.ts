import type { FieldPath } from '../validate/issue';
import { call, plain, props, val, type Expr } from './code';
import type { DocContext } from './context';
import { has } from '../validate/read';
import { isNumber, isRecord, isString, isStringList, oneOf, onlyKeys, type Rec } from './values';

const TIMING = [
  'initialDelaySeconds',
  'periodSeconds',
  'timeoutSeconds',
  'successThreshold',
  'failureThreshold',
  'terminationGracePeriodSeconds',
];
const HANDLERS = ['httpGet', 'tcpSocket', 'exec', 'grpc'];

const isPort = (v: unknown) => isNumber(v) || isString(v);
const optional = (o: Rec, k: string, check: (v: unknown) => boolean) => !has(o, k) || check(o[k]);
const isHeaders = (v: unknown) =>
  Array.isArray(v) &&
  v.every((h) => isRecord(h) && onlyKeys(h, ['name', 'value']) && isString(h.name) && isString(h.value));

/** Props entries for the fields of `o` among `keys` (all present ones). */
function fields(o: Rec, keys: readonly string[]): Array<readonly [string, Expr]> {
  return keys.filter((k) => has(o, k)).map((k) => [k, plain(o[k])] as const);
}

/** The probe as a `Probe.fromX(...)` call, or undefined when its handler doesn't fit one. */
function handlerCall(p: Rec, timing: Array<readonly [string, Expr]>): Expr | undefined {
  const handlers = HANDLERS.filter((k) => has(p, k));
  if (handlers.length !== 1) return undefined;
  const h = p[handlers[0]];
  if (!isRecord(h)) return undefined;
  switch (handlers[0]) {
    case 'httpGet':
      if (
        !onlyKeys(h, ['path', 'port', 'scheme', 'host', 'httpHeaders']) ||
        !isString(h.path) ||
        !has(h, 'port') ||
        !isPort(h.port) ||
        !optional(h, 'scheme', oneOf('HTTP', 'HTTPS')) ||
        !optional(h, 'host', isString) ||
        !optional(h, 'httpHeaders', isHeaders)
      )
        return undefined;
      return call(
        'Probe.fromHttpGet',
        val(h.path),
        props([...fields(h, ['port', 'scheme', 'host', 'httpHeaders']), ...timing]),
      );
    case 'tcpSocket':
      if (!onlyKeys(h, ['port', 'host']) || !has(h, 'port') || !isPort(h.port) || !optional(h, 'host', isString))
        return undefined;
      return call('Probe.fromTcpSocket', props([...fields(h, ['port', 'host']), ...timing]));
    case 'exec':
      if (!onlyKeys(h, ['command']) || !isStringList(h.command)) return undefined;
      return timing.length > 0
        ? call('Probe.fromCommand', val(h.command), props(timing))
        : call('Probe.fromCommand', val(h.command));
    case 'grpc':
      if (!onlyKeys(h, ['port', 'service']) || !isNumber(h.port) || !optional(h, 'service', isString)) return undefined;
      return call('Probe.fromGrpc', props([...fields(h, ['port', 'service']), ...timing]));
  }
  return undefined;
}

/** A liveness, readiness or startup probe, or undefined when it goes by escape hatch. */
export function mapProbe(ctx: DocContext, p: unknown, path: FieldPath): Expr | undefined {
  const e = isRecord(p)
    ? handlerCall(
        p,
        fields(
          p,
          TIMING.filter((k) => isNumber(p[k])),
        ),
      )
    : undefined;
  if (!isRecord(p) || !e) {
    ctx.add(path, p, 'a probe whose handler no Probe factory writes as given');
    return undefined;
  }
  const known = [...HANDLERS, ...TIMING.filter((k) => isNumber(p[k]))];
  ctx.rest(p, known, path, (k) =>
    TIMING.includes(k) ? `probe ${k} is not a number` : `probe field ${k} has no construct option`,
  );
  return e;
}
