import type { FieldPath, Issue, PathSegment } from '../issue';
import { key, toFieldPath } from '../issue';
import { field, has, isObject, show, str } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { quantityFromJson, quantitySuggestion } from './_shared/quantity';
import { templateGenerationErrors } from './template-generation';
import { exactIntegerAt, INT64_MAX, INT64_MIN } from '../exact-integers';
import { DEFAULT_KUBERNETES_VERSION } from '../versions/minors';
import type { VersionProfile } from '../versions/profile';
import { fieldAddedAfter, fieldRemovedIn, type Schema, schemaOf } from '../versions/schema';

/**
 * Structural checks: what the API server's JSON decoder refuses before any validation runs, against
 * the schema of the minor checked (the profile's; 1.27 without one). kubectl creates with `fieldValidation=Strict`, so the server decodes the body with
 * sigs.k8s.io/json in strict mode into the Go types of k8s.io/api v0.27: an unknown or
 * wrongly-cased field, a value of the wrong JSON type, a fraction or an overflow in an integer
 * field, a malformed quantity or time each fail the whole request (400, "... cannot be handled
 * as a DaemonSet"). The Go types come from the committed OpenAPI schema (scripts/gen-schema.ts).
 *
 * `null` is never an error: the decoder leaves the zero value, and the semantic rules decide
 * whether that zero value is allowed. Required fields are the semantic rules' job too: the decoder
 * does not check them, and Go validation words them per field ("Required value").
 */

const DEFAULT_SCHEMA = schemaOf(DEFAULT_KUBERNETES_VERSION);

/** A schema map's own entry: a key read from a manifest (`__proto__`, `constructor`) must not reach the prototype. */
function own<T>(map: Readonly<Record<string, T>>, k: string): T | undefined {
  return has(map, k) ? map[k] : undefined;
}

/** The schema definition of a kind, e.g. `definitionOf('apps/v1', 'DaemonSet')`. */
export function definitionOf(apiVersion: string, kind: string, schema = DEFAULT_SCHEMA): string | undefined {
  return own(schema.roots, `${apiVersion}/${kind}`);
}

/** Property types of a definition (see scripts/gen-schema.ts for the type strings). */
export function propertiesOf(
  definition: string,
  schema: Schema = DEFAULT_SCHEMA,
): Readonly<Record<string, string>> | undefined {
  return own(schema.definitions, definition)?.properties;
}

// The type strings are compiled once into a tree of descriptors, so the walk of every node
// switches on a small integer and follows a pointer instead of parsing `[]`/`{}` prefixes and
// looking up the definition again (the walk visits every field of every manifest).
const ANY = 0;
const LIST = 1;
const MAP = 2;
const STRING = 3;
const BOOLEAN = 4;
const NUMBER = 5;
const INTEGER = 6;
const INT_OR_STRING = 7;
const QUANTITY = 8;
const TIME = 9;
const OBJECT = 10;

const SCALARS: Readonly<Record<string, number>> = {
  any: ANY,
  string: STRING,
  boolean: BOOLEAN,
  number: NUMBER,
  int32: INTEGER,
  int64: INTEGER,
  'int-or-string': INT_OR_STRING,
  quantity: QUANTITY,
  time: TIME,
};

/** One compiled type string (see scripts/gen-schema.ts). */
interface TypeNode {
  readonly kind: number;
  /** The type string, for messages. */
  readonly type: string;
  /** Item type of a list or map. @default - none for other kinds */
  item: TypeNode | undefined;
  /** Field types of an object whose definition is known. @default - none */
  fields: ReadonlyMap<string, TypeNode> | undefined;
}

/** Compiled descriptors per schema (one per minor), each keyed by type string. */
const COMPILED = new WeakMap<Schema, Map<string, TypeNode>>();

/** The descriptor of a type string; registered before its children so recursive definitions terminate. */
function compile(type: string, schema: Schema): TypeNode {
  let cache = COMPILED.get(schema);
  if (cache === undefined) {
    cache = new Map();
    COMPILED.set(schema, cache);
  }
  let t = cache.get(type);
  if (t !== undefined) return t;
  const prefix = type.slice(0, 2);
  const kind = prefix === '[]' ? LIST : prefix === '{}' ? MAP : (own(SCALARS, type) ?? OBJECT);
  t = { kind, type, item: undefined, fields: undefined };
  cache.set(type, t);
  if (kind === LIST || kind === MAP) t.item = compile(type.slice(2), schema);
  else if (kind === OBJECT) {
    const properties = propertiesOf(type, schema);
    if (properties) t.fields = new Map(Object.keys(properties).map((k) => [k, compile(properties[k], schema)]));
  }
  return t;
}

// Go's int32 range (int64's is bigints: 2^63 - 1 is not a double).
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * The integer Go's decoder reads for a JSON number beyond 2^53: the digits encoding/json (kubectl's
 * YAMLToJSON) writes for it. An integer the YAML reader read exactly is recorded beside the manifest
 * (exact-integers.ts) and given as a bigint instead. Any other number beyond 2^53 is sent as its shortest
 * decimal, which JS's String writes as Go does below 1e21: -9223372036854775809 (a YAML float)
 * goes out as -9223372036854776000 and overflows int64, though its double is -2^63.
 */
function goInteger(v: number): number | bigint {
  // From 1e21 Go writes an exponent, which ParseInt refuses: out of range either way.
  return Math.abs(v) >= 1e21 ? v : BigInt(String(v));
}

/**
 * `x` at `k` of `container`, or, for an integer field, the exact integer recorded for it when it is
 * a number beyond 2^53 (only an integer's range depends on its last digits).
 */
function exactAt(container: object, k: string | number, x: unknown, kind: number): unknown {
  if (kind !== INTEGER && kind !== INT_OR_STRING) return x;
  if (typeof x !== 'number' || (x <= Number.MAX_SAFE_INTEGER && x >= -Number.MAX_SAFE_INTEGER)) return x;
  return exactIntegerAt(container, k) ?? x;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

// metav1.Time.UnmarshalJSON: time.Parse(time.RFC3339, s). Its strict RFC 3339 parser refuses a zone
// offset beyond 23:59, and time.Parse then falls back to its general layout parser, which checks an
// offset's range only in the Go release the 1.28+ servers are built with (hour to 24, minute to 60):
// the k8s-oracle accepts +99:99 at 1.27 and +24:60 at 1.28-1.34, and refuses +25:00 and +23:61 there.
/**
 * True when Go's `time.Parse(time.RFC3339, s)` accepts `s`; `zoneOffsetRange`: the minor's switch
 * `timeZoneOffsetRange` (see above).
 */
export function isRfc3339(s: string, zoneOffsetRange: boolean): boolean {
  const m = RFC3339.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1])) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  return m[7] === undefined || !zoneOffsetRange || (Number(m[7]) <= 24 && Number(m[8]) <= 60);
}

/**
 * Range mode's decode groups, as far as times go: per profile, '' when no string of `v` is a time
 * whose zone offset (beyond 24 hours or 60 minutes) `timeZoneOffsetRange` judges, else the switch,
 * so the minors that judge it apart decode apart. It looks at every string, not only at time
 * fields, which only costs sharing.
 */
export function zoneOffsetKeys(profiles: readonly VersionProfile[], v: unknown): string[] {
  const on = profiles.map((p) => p.switches.timeZoneOffsetRange);
  const split = on.some((o) => o !== on[0]) && holdsUncheckedZoneOffset(v);
  return on.map((o) => (split ? String(o) : ''));
}

function holdsUncheckedZoneOffset(v: unknown): boolean {
  if (typeof v === 'string') return isRfc3339(v, false) && !isRfc3339(v, true);
  return typeof v === 'object' && v !== null && Object.values(v).some(holdsUncheckedZoneOffset);
}

/** What the YAML reader can hand us, in JSON terms. */
type JsonKind = 'boolean' | 'number' | 'string' | 'array' | 'object';

// A YAML 1.1 reader turns an unquoted 2001-12-14 into a Date and !!binary into bytes; go-yaml v2
// (kubectl) keeps both as strings when decoding into interface{}, so they reach the server as strings.
// Never given null or undefined: walk() returns for them before it asks.
function jsonKind(v: unknown): JsonKind {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string' || v instanceof Date || v instanceof Uint8Array) return 'string';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** `show`, but .inf and .nan stay visible (JSON.stringify would print null). */
function val(v: unknown): string {
  return typeof v === 'number' ? String(v) : show(v);
}

function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

function describe(type: string): string {
  if (type.startsWith('[]')) return 'a list';
  if (type.startsWith('{}')) return `a map of ${describe(type.slice(2)).replace(/^an? /, '')} values`;
  switch (type) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean (true or false)';
    case 'int32':
      return 'an integer (int32)';
    case 'int64':
      return 'an integer (int64)';
    case 'number':
      return 'a number';
    case 'quantity':
      return 'a quantity (a string such as "500m" or "1Gi", or a number)';
    case 'int-or-string':
      return 'an integer or a string';
    case 'time':
      return 'an RFC 3339 time string';
    default:
      return `an object (${shortName(type)})`;
  }
}

function hint(type: string, kind: JsonKind): string {
  if (type !== 'string' && type !== 'int-or-string') return '';
  if (kind === 'boolean') return ': YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans, quote the value';
  if (kind === 'number') return ': YAML reads an unquoted number (even 0755) as a number, quote the value';
  return '';
}

/**
 * True for what walk() would accept at once without looking further: null, anything where any
 * type goes, and a string or boolean where one is expected. Checked before the call, as most
 * fields of a manifest are such leaves.
 */
function plainLeaf(v: unknown, kind: number): boolean {
  return (
    v === null ||
    v === undefined ||
    kind === ANY ||
    (kind === STRING ? typeof v === 'string' : kind === BOOLEAN && typeof v === 'boolean')
  );
}

class Walker {
  readonly issues: Issue[] = [];

  constructor(
    private readonly schema: Schema,
    /** The minor checked, named in unknown-field messages. */
    private readonly version: string,
    /** The minor's switch `timeZoneOffsetRange`, for isRfc3339. */
    private readonly zoneOffsetRange: boolean,
  ) {}

  private add(path: FieldPath, code: string, message: string): void {
    this.issues.push({ path: [...path], code, message });
  }

  private wrongType(path: FieldPath, type: string, v: unknown, kind: JsonKind): void {
    this.add(path, 'type/invalid-type', `must be ${describe(type)}, got ${kind} ${val(v)}${hint(type, kind)}`);
  }

  private integer(path: FieldPath, type: string, v: number | bigint): void {
    let n: number | bigint = v;
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) {
        this.add(path, 'type/not-an-integer', `must be a whole number (${type}), got ${val(v)}`);
        return;
      }
      // Nearly every integer: exact, within int64, compared as a number (no bigint arithmetic).
      if (v <= Number.MAX_SAFE_INTEGER && v >= -Number.MAX_SAFE_INTEGER) {
        if (type === 'int64' || (v >= INT32_MIN && v <= INT32_MAX)) return;
      } else n = goInteger(v);
    }
    if (type === 'int64' ? n < INT64_MIN || n > INT64_MAX : n < INT32_MIN || n > INT32_MAX) {
      const range = type === 'int64' ? `${INT64_MIN} to ${INT64_MAX}` : `${INT32_MIN} to ${INT32_MAX}`;
      this.add(path, 'type/integer-out-of-range', `must fit in ${type} (${range}), got ${n}`);
    }
  }

  walk(v: unknown, t: TypeNode, path: PathSegment[]): void {
    if (v === null || v === undefined) return;
    switch (t.kind) {
      case ANY:
        return;
      case LIST: {
        if (!Array.isArray(v)) return this.wrongType(path, t.type, v, jsonKind(v));
        // One path array for the whole walk, pushed and popped: add() copies it when it reports.
        const item = t.item!;
        for (let i = 0; i < v.length; i++) {
          const x = v[i];
          if (plainLeaf(x, item.kind)) continue;
          path.push(i);
          this.walk(exactAt(v, i, x, item.kind), item, path);
          path.pop();
        }
        return;
      }
      case MAP: {
        const kind = jsonKind(v);
        if (kind !== 'object') return this.wrongType(path, t.type, v, kind);
        const item = t.item!;
        for (const k of Object.keys(v as object)) {
          path.push(key(k));
          this.walk(exactAt(v as object, k, (v as Record<string, unknown>)[k], item.kind), item, path);
          path.pop();
        }
        return;
      }
      case STRING:
        if (typeof v !== 'string' && jsonKind(v) !== 'string') this.wrongType(path, t.type, v, jsonKind(v));
        return;
      case BOOLEAN:
        if (typeof v !== 'boolean') this.wrongType(path, t.type, v, jsonKind(v));
        return;
      case NUMBER:
        if (typeof v !== 'number' || !Number.isFinite(v)) this.wrongType(path, t.type, v, jsonKind(v));
        return;
      case INTEGER:
        if (typeof v !== 'number' && typeof v !== 'bigint') return this.wrongType(path, t.type, v, jsonKind(v));
        return this.integer(path, t.type, v);
      case INT_OR_STRING: {
        // intstr.IntOrString.UnmarshalJSON: a JSON string, else an int32.
        if (typeof v === 'number' || typeof v === 'bigint') return this.integer(path, 'int32', v);
        const kind = jsonKind(v);
        if (kind !== 'string') this.wrongType(path, t.type, v, kind);
        return;
      }
      case QUANTITY: {
        // Quantity.UnmarshalJSON parses the string (or the number's text) while decoding.
        if (typeof v !== 'number' && typeof v !== 'string') return this.wrongType(path, t.type, v, jsonKind(v));
        const r = quantityFromJson(v);
        if (r && !r.ok) {
          // A byte unit written as other tools do (1Gb, 512mb) gets the quantity it meant.
          const meant = typeof v === 'string' ? quantitySuggestion(v) : undefined;
          const hint = meant !== undefined ? `did you mean "${meant}"?` : 'e.g. "500m", "1.5", "128Mi"';
          this.add(path, 'type/invalid-quantity', `${val(v)} is not a quantity: ${r.error} (${hint})`);
        }
        return;
      }
      case TIME: {
        const kind = jsonKind(v);
        if (kind !== 'string') return this.wrongType(path, t.type, v, kind);
        if (typeof v === 'string' && !isRfc3339(v, this.zoneOffsetRange)) {
          this.add(
            path,
            'type/invalid-time',
            `${show(v)} is not an RFC 3339 time: write it like "2023-04-11T09:30:00Z"`,
          );
        }
        return;
      }
      default: {
        const kind = jsonKind(v);
        if (kind !== 'object') return this.wrongType(path, t.type, v, kind);
        return this.object(v as Record<string, unknown>, t, path);
      }
    }
  }

  private object(v: Record<string, unknown>, t: TypeNode, path: PathSegment[]): void {
    const fields = t.fields;
    if (!fields) return;
    for (const k of Object.keys(v)) {
      const ft = fields.get(k);
      if (ft !== undefined) {
        const x = v[k];
        if (plainLeaf(x, ft.kind)) continue;
        path.push(k);
        this.walk(exactAt(v, k, x, ft.kind), ft, path);
        path.pop();
        continue;
      }
      const definition = t.type;
      const properties = propertiesOf(definition, this.schema)!;
      // sigs.k8s.io/json matches names case-sensitively: `hostIp` is unknown, not `hostIP`.
      const near = Object.keys(properties).find((p) => p.toLowerCase() === k.toLowerCase());
      const names = Object.keys(properties);
      // A field of another minor's schema: say which, so the fix (the cluster's version) is plain.
      const added = near ? undefined : fieldAddedAfter(definition, k, this.version);
      const removed = near || added ? undefined : fieldRemovedIn(definition, k, this.version);
      const right = near
        ? `did you mean "${near}"?`
        : added
          ? `added in Kubernetes ${added}, this app targets ${this.version}`
          : removed
            ? `removed in Kubernetes ${removed}, this app targets ${this.version}`
            : `${shortName(definition)} has no such field${names.length <= 10 ? ` (its fields: ${names.join(', ')})` : ''}`;
      this.add([...path, k], 'type/unknown-field', `unknown field "${toFieldPath([...path, k])}": ${right}`);
    }
  }
}

// The strict JSON decoding of the request body (sigs.k8s.io/json UnmarshalStrict into k8s.io/api
// v0.27 apps/v1.DaemonSet or core/v1.Pod), as kubectl 1.27's default --validate=strict requests.
/** Walks the whole manifest against the schema of the profile's minor (1.27 without a profile). */
export const manifestTypes: Rule = (manifest, _path, ctx) => {
  const apiVersion = str(field(manifest, 'apiVersion'));
  const kind = str(field(manifest, 'kind'));
  const schema = ctx.profile.schema;
  const root = apiVersion && kind ? definitionOf(apiVersion, kind, schema) : undefined;
  if (!root || !isObject(manifest)) return NO_ISSUES;
  const walker = new Walker(schema, ctx.profile.version, ctx.profile.switches.timeZoneOffsetRange);
  walker.walk(manifest, compile(root, schema), []);
  // The conversion to the internal type runs in the same decoding step: its ParseInt fails it too.
  if (apiVersion === 'apps/v1' && kind === 'DaemonSet') walker.issues.push(...templateGenerationErrors(manifest));
  return walker.issues.length === 0 ? NO_ISSUES : walker.issues;
};

export const typesRules: RuleSet = {
  manifest: [manifestTypes],
};
