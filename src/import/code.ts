import { numberLiteral, propertyKey, stringLiteral } from './literal';
import { isRecord } from './values';

/**
 * The generated code as data: a handful of expression and statement forms, printed by `printStatements`
 * and run by `evaluate.ts` (the importer's self-check). Manifest data only ever enters as `value`
 * nodes and manifest keys, both printed through literal.ts.
 */

/** Functions the generated code calls, by the name it calls them. */
export type Callee =
  | 'DaemonSet'
  | 'Volume.fromHostPath'
  | 'Volume.fromEmptyDir'
  | 'Volume.fromNfs'
  | 'Volume.fromConfigMap'
  | 'Volume.fromSecret'
  | 'Volume.fromPersistentVolumeClaim'
  | 'Volume.fromProjected'
  | 'Volume.fromDownwardApi'
  | 'Volume.fromCsi'
  | 'Volume.fromEphemeral'
  | 'Volume.fromImage'
  | 'VolumeProjection.serviceAccountToken'
  | 'VolumeProjection.configMap'
  | 'VolumeProjection.secret'
  | 'VolumeProjection.downwardApi'
  | 'VolumeProjection.clusterTrustBundle'
  | 'EnvValue.fromValue'
  | 'EnvValue.fromConfigMap'
  | 'EnvValue.fromSecret'
  | 'EnvValue.fromFieldRef'
  | 'EnvValue.fromResource'
  | 'EnvFrom.configMap'
  | 'EnvFrom.secret'
  | 'Probe.fromHttpGet'
  | 'Probe.fromTcpSocket'
  | 'Probe.fromCommand'
  | 'Probe.fromGrpc'
  | 'Handler.fromCommand'
  | 'Handler.fromHttpGet'
  | 'Handler.fromTcpSocket'
  | 'Handler.fromSleep'
  | 'NodeScheduling.onNodes'
  | 'NodeScheduling.byNodeLabels'
  | 'NodeRequirement.is'
  | 'NodeRequirement.in'
  | 'NodeRequirement.notIn'
  | 'NodeRequirement.exists'
  | 'NodeRequirement.doesNotExist'
  | 'NodeRequirement.greaterThan'
  | 'NodeRequirement.lessThan'
  | 'NetworkMode.host'
  | 'NetworkMode.overlay'
  | 'NetworkMode.nat'
  | 'UpdateStrategy.rollingUpdate'
  | 'UpdateStrategy.onDelete'
  | 'Gpu.nvidia'
  | 'Gpu.vcuda'
  | 'JsonPatch.add'
  | 'JsonPatch.replace'
  | 'JsonPatch.remove';

export interface Entry {
  readonly key: string;
  /** Keys from a manifest are quoted (and `__proto__` computed); props keys are bare identifiers. */
  readonly fromManifest: boolean;
  readonly value: Expr;
}

export type Expr =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'object'; readonly entries: readonly Entry[] }
  | { readonly kind: 'array'; readonly items: readonly Expr[] }
  | { readonly kind: 'call'; readonly callee: Callee; readonly args: readonly Expr[]; readonly isNew?: boolean }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'this' };

export type Statement =
  | { readonly kind: 'const'; readonly name: string; readonly value: Expr }
  | { readonly kind: 'expr'; readonly value: Expr }
  | { readonly kind: 'patch'; readonly target: string; readonly patches: readonly Expr[] }
  /** The importer's own words only: never manifest text. */
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'blank' };

export const THIS: Expr = { kind: 'this' };

export function val(value: unknown): Expr {
  return { kind: 'value', value };
}

export function ref(name: string): Expr {
  return { kind: 'ref', name };
}

export function call(callee: Callee, ...args: Expr[]): Expr {
  return { kind: 'call', callee, args };
}

export function arr(items: readonly Expr[]): Expr {
  return { kind: 'array', items };
}

/** Props object: bare keys, entries whose value is undefined left out. */
export function props(entries: ReadonlyArray<readonly [string, Expr | undefined]>): Expr {
  return {
    kind: 'object',
    entries: entries.flatMap(([key, value]) => (value ? [{ key, fromManifest: false, value }] : [])),
  };
}

/** Object keyed by manifest text (labels, env names, resource names). */
export function map(entries: ReadonlyArray<readonly [string, Expr]>): Expr {
  return { kind: 'object', entries: entries.map(([key, value]) => ({ key, fromManifest: true, value })) };
}

/** Whether a props object has no entries. */
export function isEmptyObject(e: Expr): boolean {
  return e.kind === 'object' && e.entries.length === 0;
}

const WIDTH = 110;
const INDENT = '  ';

/** JSON objects and arrays as object/array nodes, so the printer can break them over lines. */
function expand(e: Expr): Expr {
  if (e.kind !== 'value') return e;
  if (Array.isArray(e.value)) return arr(e.value.map(val));
  if (isRecord(e.value)) return map(Object.entries(e.value).map(([k, v]) => [k, val(v)]));
  return e;
}

function key(entry: Entry): string {
  return entry.fromManifest ? propertyKey(entry.key) : entry.key;
}

function flat(e: Expr): string {
  switch (e.kind) {
    case 'value': {
      const x = expand(e);
      if (x !== e) return flat(x);
      if (typeof e.value === 'string') return stringLiteral(e.value);
      if (typeof e.value === 'number') return numberLiteral(e.value);
      if (typeof e.value === 'boolean' || e.value === null) return String(e.value);
      throw new Error(`not a JSON value: ${typeof e.value}`);
    }
    case 'object':
      return e.entries.length === 0 ? '{}' : `{ ${e.entries.map((en) => `${key(en)}: ${flat(en.value)}`).join(', ')} }`;
    case 'array':
      return `[${e.items.map(flat).join(', ')}]`;
    case 'call':
      return `${e.isNew ? 'new ' : ''}${e.callee}(${e.args.map(flat).join(', ')})`;
    case 'ref':
      return e.name;
    case 'this':
      return 'this';
  }
}

/** Prints `e` starting at `column` of a line indented by `indent`, breaking what doesn't fit. */
function print(e: Expr, indent: string, column: number): string {
  const one = flat(e);
  if (column + one.length <= WIDTH) return one;
  const x = expand(e);
  const inner = indent + INDENT;
  switch (x.kind) {
    case 'object':
      if (x.entries.length === 0) return '{}';
      return `{\n${x.entries
        .map((en) => {
          const head = `${inner}${key(en)}: `;
          return `${head}${print(en.value, inner, head.length)},\n`;
        })
        .join('')}${indent}}`;
    case 'array':
      if (x.items.length === 0) return '[]';
      return `[\n${x.items.map((item) => `${inner}${print(item, inner, inner.length)},\n`).join('')}${indent}]`;
    case 'call': {
      const open = `${x.isNew ? 'new ' : ''}${x.callee}(`;
      if (x.args.length === 0) return `${open})`;
      const last = expand(x.args[x.args.length - 1]);
      const head = x.args.slice(0, -1).map(flat).join(', ');
      const lead = `${open}${head}${head === '' ? '' : ', '}`;
      if ((last.kind === 'object' || last.kind === 'array') && column + lead.length < WIDTH) {
        return `${lead}${print(last, indent, column + lead.length)})`;
      }
      return `${open}\n${x.args.map((a) => `${inner}${print(a, inner, inner.length)},\n`).join('')}${indent})`;
    }
    default:
      return one;
  }
}

/** The statements as lines of a block indented by `indent`. */
export function printStatements(statements: readonly Statement[], indent: string): string {
  const out: string[] = [];
  for (const s of statements) {
    switch (s.kind) {
      case 'blank':
        out.push('');
        break;
      case 'comment':
        out.push(`${indent}// ${s.text}`);
        break;
      case 'const': {
        const head = `${indent}const ${s.name} = `;
        out.push(`${head}${print(s.value, indent, head.length)};`);
        break;
      }
      case 'expr':
        out.push(`${indent}${print(s.value, indent, indent.length)};`);
        break;
      case 'patch': {
        const inner = indent + INDENT;
        out.push(`${indent}${s.target}.addJsonPatch(`);
        for (const p of s.patches) out.push(`${inner}${print(p, inner, inner.length)},`);
        out.push(`${indent});`);
        break;
      }
    }
  }
  return out.join('\n');
}

/** Every callee the statements use, for the import lines. */
export function calleesOf(statements: readonly Statement[]): Set<Callee> {
  const found = new Set<Callee>();
  const walk = (e: Expr): void => {
    if (e.kind === 'call') {
      found.add(e.callee);
      e.args.forEach(walk);
    } else if (e.kind === 'object') {
      for (const en of e.entries) walk(en.value);
    } else if (e.kind === 'array') {
      e.items.forEach(walk);
    }
  };
  for (const s of statements) {
    if (s.kind === 'const' || s.kind === 'expr') walk(s.value);
    if (s.kind === 'patch') s.patches.forEach(walk);
  }
  return found;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Structured data whose keys are Kubernetes field names (a toleration, `capabilities`), printed
 * with bare keys like hand-written props; any other key is quoted as manifest text.
 */
export function plain(v: unknown): Expr {
  if (Array.isArray(v)) return arr(v.map(plain));
  if (isRecord(v)) {
    return {
      kind: 'object',
      entries: Object.entries(v).map(([key, x]) => ({
        key,
        fromManifest: !IDENTIFIER.test(key) || key === '__proto__',
        value: plain(x),
      })),
    };
  }
  return val(v);
}
