import type { Alias, Node, Scalar, YAMLMap } from 'yaml';
import { yamlLibrary } from './library';
import { formatFloatKey, INT64_MAX, MERGE_KEY } from './go-yaml-resolve';
import { kubectlSchema } from './kubectl-schema';
import { anyExactIntegers, exactIntegerAt, forgetExactInteger, recordExactInteger } from '../validate/exact-integers';

/**
 * The exact reader: a chunk (one document as kubectl cuts the stream) through the yaml package,
 * with go-yaml's scalar rules (kubectl-schema.ts) and decode.go's rules for keys, aliases and
 * merges, every error worded with its line and column. readYamlStream asks it only for chunks
 * the block reader (block-reader.ts) declines, and only then loads the yaml package:
 * it is what the block reader is tested against.
 */

/** The yaml package and the schema, set when the first chunk comes: a run whose chunks all take the block reader never loads them. */
let Y: ReturnType<typeof yamlLibrary>;
let schema: ReturnType<typeof kubectlSchema> | undefined;

/** A reason a document cannot be read, with the offset (in its chunk) it points at. */
class ReadError extends Error {
  public constructor(
    message: string,
    public readonly offset?: number,
  ) {
    super(message);
  }
}

/**
 * One pre-order pass over a parsed document, without recursion so depth can't blow the stack:
 * its deepest nesting, and the node each alias names (the last node anchored so before it, as
 * go-yaml's parser binds them), found once rather than by a walk per alias.
 */
function survey(root: unknown, max: number): { depth: number; targets: Map<Alias, Node | undefined> } {
  const targets = new Map<Alias, Node | undefined>();
  const anchored = new Map<string, Node>();
  const stack: Array<[unknown, number]> = [[root, 1]];
  let deepest = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (Y.isAlias(node)) {
      targets.set(node, anchored.get(node.source));
      continue;
    }
    if (!Y.isNode(node)) continue;
    if (node.anchor) anchored.set(node.anchor, node);
    if (!Y.isMap(node) && !Y.isSeq(node)) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > max) break;
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i];
      if (Y.isPair(item)) stack.push([item.value, depth + 1], [item.key, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return { depth: deepest, targets };
}

interface Decoding {
  readonly targets: Map<Alias, Node | undefined>;
  readonly maxAliasCount: number;
  readonly maxDepth: number;
  /** Alias nodes being expanded: go-yaml's d.aliases, which stops an anchor holding itself. */
  readonly expanding: Set<Alias>;
  aliasUses: number;
  nonFinite: boolean;
}

function offsetOf(node: unknown): number | undefined {
  return Y.isNode(node) ? node.range?.[0] : undefined;
}

/** decoder.alias of decode.go, plus our cap on alias uses: `use` reads the node the alias names. */
function throughAlias<T>(alias: Alias, d: Decoding, use: (target: Node) => T): T {
  const target = d.targets.get(alias);
  if (!target) throw new ReadError(`unknown anchor '${alias.source}' referenced`, offsetOf(alias));
  if (d.expanding.has(alias)) throw new ReadError(`anchor '${alias.source}' value contains itself`, offsetOf(alias));
  if (++d.aliasUses > d.maxAliasCount) {
    throw new ReadError(
      `document contains excessive aliasing: more than ${d.maxAliasCount} alias uses`,
      offsetOf(alias),
    );
  }
  d.expanding.add(alias);
  try {
    return use(target);
  } finally {
    d.expanding.delete(alias);
  }
}

/** Sets a key, `__proto__` included, as an own property (as JSON.parse does). */
function setKey(out: Record<string, unknown>, key: string, converted: unknown): void {
  const value = place(out, key, converted);
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * An integer a JS number cannot hold exactly, on its way to the map or list that holds it, where
 * place() stores the nearest number and records the exact value beside it (exact-integers.ts).
 */
class ExactInteger {
  public constructor(public readonly value: bigint) {}
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Sets `container[key]` to a converted value, recording the exact value of an integer beyond 2^53. */
function place(container: object, key: string | number, value: unknown): unknown {
  if (!(value instanceof ExactInteger)) {
    // A merge may overwrite such an integer with another value.
    if (anyExactIntegers()) forgetExactInteger(container, key);
    return value;
  }
  recordExactInteger(container, key, value.value);
  return Number(value.value);
}

/** A scalar as encoding/json writes go-yaml's value: ints and floats become numbers, -0 reads back as 0. */
function scalarValue(v: unknown, d: Decoding): unknown {
  if (typeof v === 'bigint') return v > MAX_SAFE || v < -MAX_SAFE ? new ExactInteger(v) : Number(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) d.nonFinite = true;
    return v === 0 ? 0 : v;
  }
  if (v === MERGE_KEY) return '<<';
  return v;
}

function describeKey(node: unknown): string {
  return Y.isNode(node) && node.range ? `"${String((node as Scalar).source ?? '')}"` : 'an empty key';
}

/**
 * A map key as sigs.k8s.io/yaml's convertToJSONableObject writes it: strings as they are, ints
 * in decimal, floats by FormatFloat(f, 'g', -1, 32), bools as "true"/"false"; null and uint64 keys
 * are errors there ("Unsupported map key of type"), maps and lists are errors in go-yaml ("invalid map key").
 */
function keyOf(keyNode: unknown, d: Decoding): string {
  if (Y.isAlias(keyNode)) return throughAlias(keyNode, d, (target) => keyOf(target, d));
  const node = keyNode;
  const at = offsetOf(keyNode);
  if (Y.isMap(node) || Y.isSeq(node)) {
    throw new ReadError(
      `invalid map key: a ${Y.isMap(node) ? 'map' : 'list'} cannot be a key; kubectl reads only scalar keys`,
      at,
    );
  }
  const v = Y.isScalar(node) ? node.value : null;
  if (v === null || v === undefined) {
    throw new ReadError(
      `unsupported map key ${describeKey(keyNode)}: it reads as null, which has no JSON form (quote it to use it as a string)`,
      at,
    );
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') {
    if (v > INT64_MAX) {
      throw new ReadError(
        `unsupported map key ${describeKey(keyNode)}: an integer above 2^63-1 reads as uint64, which has no JSON key form (quote it to use it as a string)`,
        at,
      );
    }
    return v.toString();
  }
  if (typeof v === 'number') return formatFloatKey(v);
  if (v === MERGE_KEY) return '<<';
  return String(v);
}

function convert(node: unknown, depth: number, d: Decoding): unknown {
  if (Y.isAlias(node)) return throughAlias(node, d, (target) => convert(target, depth, d));
  if (Y.isScalar(node)) return scalarValue(node.value, d);
  if (Y.isMap(node) || Y.isSeq(node)) {
    if (depth > d.maxDepth) throw new ReadError(`nesting deeper than ${d.maxDepth} levels`, offsetOf(node));
    if (Y.isSeq(node)) {
      const out: unknown[] = node.items.map((item) => convert(item, depth + 1, d));
      for (let i = 0; i < out.length; i++) out[i] = place(out, i, out[i]);
      return out;
    }
    const out: Record<string, unknown> = {};
    fillMap(node, out, depth, d);
    return out;
  }
  return null;
}

const WANT_MAP = 'map merge requires map or sequence of maps as the value';

/**
 * decoder.mapping and decoder.merge of decode.go: pairs apply in order and a later one wins, so
 * `a: 9` before `<<: *base` is overwritten by base's `a` (and `a: 9` after it overwrites). In
 * `<<: [*a, *b]` the earlier map wins. A key written twice in one mapping is an error, as go-yaml
 * reports it in strict mode; kubectl's non-strict decoder would keep the last silently.
 */
function fillMap(map: YAMLMap, out: Record<string, unknown>, depth: number, d: Decoding): void {
  const literal = new Set<string>();
  for (const pair of map.items) {
    if (Y.isScalar(pair.key) && pair.key.value === MERGE_KEY) {
      merge(pair.value, out, depth, d);
      continue;
    }
    const key = keyOf(pair.key, d);
    const value = convert(pair.value, depth + 1, d);
    if (literal.has(key)) {
      throw new ReadError(
        `key "${key}" already set in map (map keys must be unique; kubectl would keep only one of them)`,
        offsetOf(pair.key),
      );
    }
    literal.add(key);
    setKey(out, key, value);
  }
}

function merge(source: unknown, out: Record<string, unknown>, depth: number, d: Decoding): void {
  const at = offsetOf(source);
  const mergeOne = (item: unknown): void => {
    if (Y.isAlias(item)) {
      throughAlias(item, d, (target) => mergeOne(Y.isMap(target) ? target : null));
      return;
    }
    if (!Y.isMap(item)) throw new ReadError(WANT_MAP, offsetOf(item) ?? at);
    const merged: Record<string, unknown> = {};
    fillMap(item, merged, depth, d);
    for (const [k, v] of Object.entries(merged)) {
      const exact = exactIntegerAt(merged, k);
      setKey(out, k, exact === undefined ? v : new ExactInteger(exact));
    }
  };
  if (Y.isSeq(source)) {
    for (let i = source.items.length - 1; i >= 0; i--) {
      const item = source.items[i];
      if (!Y.isMap(item) && !Y.isAlias(item)) throw new ReadError(WANT_MAP, offsetOf(item) ?? at);
      mergeOne(item);
    }
  } else {
    mergeOne(source);
  }
}

/** The first infinite or NaN number, which encoding/json refuses ("json: unsupported value: +Inf"). */
function findNonFinite(root: unknown): number | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) return v;
    if (v !== null && typeof v === 'object') for (const item of Object.values(v)) stack.push(item);
  }
  return undefined;
}

/** 1-based line and column of an offset in a chunk that starts on line `firstLine` of the stream. */
function position(text: string, offset: number, firstLine: number): string {
  let line = firstLine;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** What the exact reader makes of a chunk: its value or its errors, or undefined when it holds no document. */
export interface ExactRead {
  readonly line: number;
  readonly value?: unknown;
  readonly errors: readonly string[];
}

/** Where a chunk sits in its stream, as readYamlStream has already worked it out. */
export interface ChunkPlace {
  /** 1-based line of the chunk's first line in the stream. */
  readonly firstLine: number;
  /** Offset in the chunk of its first character that is not white space, or -1. */
  readonly offsetOfContent: number;
  /** 1-based line that character is on: where the document starts. */
  readonly line: number;
}

/** Reads one chunk, `text`, found at `place` in its stream. */
export function readChunkExact(
  text: string,
  place: ChunkPlace,
  maxAliasCount: number,
  maxDepth: number,
): ExactRead | undefined {
  Y = yamlLibrary();
  schema ??= kubectlSchema();
  const { firstLine, offsetOfContent, line } = place;
  const where = (offset: number | undefined): string =>
    offset === undefined ? `document starting at line ${line}` : position(text, offset, firstLine);
  if (
    offsetOfContent >= 0 &&
    text[offsetOfContent] === '%' &&
    (offsetOfContent === 0 || text[offsetOfContent - 1] === '\n')
  ) {
    // go-yaml wants `---` after a directive, and kubectl has already taken that line as a separator.
    return {
      line,
      errors: [
        `did not find expected <document start> at ${where(offsetOfContent)}: kubectl cuts the stream at the --- after a %YAML or %TAG directive, so directives cannot be used`,
      ],
    };
  }
  const lineBreak = /[\u0085\u2028\u2029]/.exec(text);
  if (lineBreak) {
    // go-yaml's scanner breaks lines at NEL, LS and PS (is_break); the yaml package does not. Rather
    // than guess what kubectl makes of the line, refuse it: the writer escapes these characters.
    const hex = lineBreak[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      line,
      errors: [
        `raw U+${hex} at ${where(lineBreak.index)}: kubectl's YAML reader takes it for a line break; write it as an escape (\\u${hex}) inside double quotes`,
      ],
    };
  }
  // go-yaml's Unmarshal decodes the first document of what it is given and ignores the rest.
  const parsed = Y.parseAllDocuments(text, { version: '1.1', schema, uniqueKeys: false, prettyErrors: false });
  const doc = Array.isArray(parsed) ? parsed[0] : parsed;
  if (doc === undefined) return undefined;
  if (doc.errors.length > 0) {
    return { line, errors: doc.errors.map((e) => `${e.message.replace(/\s+$/, '')} at ${where(e.pos?.[0])}`) };
  }
  if (doc.contents === null || (Y.isScalar(doc.contents) && doc.contents.value === null)) return undefined;
  const { depth, targets } = survey(doc.contents, maxDepth);
  if (depth > maxDepth)
    return { line, errors: [`nesting deeper than ${maxDepth} levels (document starting at line ${line})`] };
  const d: Decoding = { targets, maxAliasCount, maxDepth, expanding: new Set(), aliasUses: 0, nonFinite: false };
  try {
    const converted = convert(doc.contents, 1, d);
    const value = converted instanceof ExactInteger ? Number(converted.value) : converted;
    const bad = d.nonFinite ? findNonFinite(value) : undefined;
    if (bad !== undefined) {
      const go = Number.isNaN(bad) ? 'NaN' : bad > 0 ? '+Inf' : '-Inf';
      return {
        line,
        errors: [
          `json: unsupported value: ${go} (document starting at line ${line}): .inf and .nan have no JSON form; quote them to keep them as strings`,
        ],
      };
    }
    return { line, value, errors: [] };
  } catch (e) {
    const at = e instanceof ReadError ? e.offset : undefined;
    return { line, errors: [`${(e as Error).message} at ${where(at)}`] };
  }
}
