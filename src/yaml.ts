import { Alias, Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, Node, parseAllDocuments, Scalar, stringify, visit, YAMLMap } from 'yaml';
import { formatFloatKey, INT64_MAX, kubectlSchema, MERGE_KEY } from './yaml-1.1-kubectl';
import { readChunkBlock } from './yaml-block';
import { readChunkFast, splitStreamLf } from './yaml-fast';
import { BlockEmitter } from './yaml-emit';

/**
 * The one YAML reader and writer of the project.
 *
 * Writing: YAML 1.2 core output that YAML 1.1 readers read back identically. kubectl decodes
 * manifests with go-yaml v2 (YAML 1.1), PyYAML and Ruby's Psych are 1.1 too: to them an unquoted
 * `yes`, `on`, `0755` or `12:30` is a bool, an int or a sexagesimal number. The `compat` schema
 * makes the stringifier quote every plain scalar that 1.1 would resolve to another type.
 */
const WRITE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  compat: 'yaml-1.1',
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
} as const;

/**
 * Plain scalars that some 1.1 reader gives a meaning the compat schema does not know:
 * PyYAML resolves a lone `=` to `tag:yaml.org,2002:value` and then refuses to load it.
 */
const EXTRA_AMBIGUOUS = new Set(['=']);

/**
 * Characters the yaml package writes raw but a YAML reader does not keep: U+0085, U+2028 and
 * U+2029 are line breaks to YAML 1.1 (kubectl decoded a lone U+2028 as null), C1 controls,
 * U+FEFF and U+FFFE/U+FFFF are outside YAML's printable set. Scalars holding them are
 * double-quoted and the characters escaped.
 */
const UNSAFE_CHARS = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

function escapeUnsafe(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Whether any string of plain data, key or value, needs the per-scalar fix-ups of `toYaml`. */
function needsFixups(value: unknown): boolean {
  const stack: unknown[] = [value];
  const bad = (s: string) => EXTRA_AMBIGUOUS.has(s) || (UNSAFE_CHARS.lastIndex = 0, UNSAFE_CHARS.test(s));
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (bad(v)) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (typeof v === 'object' && v !== null) {
      for (const k of Object.keys(v)) {
        if (bad(k)) return true;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return false;
}

const EMITTER = new BlockEmitter(toYamlExact);

/** Renders one manifest as a YAML document (no leading `---`). */
export function toYaml(value: unknown): string {
  return EMITTER.emit(value) ?? toYamlExact(value);
}

/**
 * toYaml through the yaml package alone, for every document.
 * @internal the reference the fast emitter (yaml-emit.ts) is tested against.
 */
export function toYamlExact(value: unknown): string {
  // Fast path: a scan of the plain data is much cheaper than visiting the YAML node tree, and
  // almost no manifest holds a string that needs a fix-up.
  if (!needsFixups(value)) return stringify(value, WRITE_OPTIONS);
  const doc = new Document(value, WRITE_OPTIONS);
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value !== 'string') return;
      UNSAFE_CHARS.lastIndex = 0;
      if (UNSAFE_CHARS.test(node.value) || EXTRA_AMBIGUOUS.has(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  // Safe only because every scalar holding such a character was made double-quoted above.
  return doc.toString(WRITE_OPTIONS).replace(UNSAFE_CHARS, escapeUnsafe);
}

/** Renders manifests as a multi-document YAML stream, `---` between documents. */
export function toYamlStream(values: readonly unknown[]): string {
  return values.map(toYaml).join('---\n');
}

/** A document read from a YAML stream, or the reason it could not be read. */
export interface ReadDocument {
  /** Index of the document in its stream, from 0. */
  readonly index: number;
  /** 1-based line the document starts on. */
  readonly line: number;
  /** The document as plain data, when it parsed. @default - absent when the document did not parse */
  readonly value?: unknown;
  /** Parse errors with their line and column, when it did not. */
  readonly errors: readonly string[];
}

/** Limits that keep hostile input (alias bombs, deep nesting) bounded in time and memory. */
export interface ReadLimits {
  /** Most alias dereferences a document may make ("billion laughs"). @default 1000 */
  readonly maxAliasCount?: number;
  /** Deepest nesting of maps and lists. @default 100 */
  readonly maxDepth?: number;
}

/** A reason a document cannot be read, with the offset (in its chunk) it points at. */
class ReadError extends Error {
  public constructor(message: string, public readonly offset?: number) {
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
    if (isAlias(node)) {
      targets.set(node, anchored.get(node.source));
      continue;
    }
    if (!isNode(node)) continue;
    if (node.anchor) anchored.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > max) break;
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i];
      if (isPair(item)) stack.push([item.value, depth + 1], [item.key, depth + 1]);
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
  return isNode(node) ? node.range?.[0] : undefined;
}

/** decoder.alias of decode.go, plus our cap on alias uses: `use` reads the node the alias names. */
function throughAlias<T>(alias: Alias, d: Decoding, use: (target: Node) => T): T {
  const target = d.targets.get(alias);
  if (!target) throw new ReadError(`unknown anchor '${alias.source}' referenced`, offsetOf(alias));
  if (d.expanding.has(alias)) throw new ReadError(`anchor '${alias.source}' value contains itself`, offsetOf(alias));
  if (++d.aliasUses > d.maxAliasCount) {
    throw new ReadError(`document contains excessive aliasing: more than ${d.maxAliasCount} alias uses`, offsetOf(alias));
  }
  d.expanding.add(alias);
  try {
    return use(target);
  } finally {
    d.expanding.delete(alias);
  }
}

/** Sets a key, `__proto__` included, as an own property (as JSON.parse does). */
function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** A scalar as encoding/json writes go-yaml's value: ints and floats become numbers, -0 reads back as 0. */
function scalarValue(v: unknown, d: Decoding): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) d.nonFinite = true;
    return v === 0 ? 0 : v;
  }
  if (v === MERGE_KEY) return '<<';
  return v;
}

function describeKey(node: unknown): string {
  return isNode(node) && node.range ? `"${String((node as Scalar).source ?? '')}"` : 'an empty key';
}

/**
 * A map key as sigs.k8s.io/yaml's convertToJSONableObject writes it: strings as they are, ints
 * in decimal, floats by FormatFloat(f, 'g', -1, 32), bools as "true"/"false"; null and uint64 keys
 * are errors there ("Unsupported map key of type"), maps and lists are errors in go-yaml ("invalid map key").
 */
function keyOf(keyNode: unknown, d: Decoding): string {
  if (isAlias(keyNode)) return throughAlias(keyNode, d, (target) => keyOf(target, d));
  const node = keyNode;
  const at = offsetOf(keyNode);
  if (isMap(node) || isSeq(node)) {
    throw new ReadError(`invalid map key: a ${isMap(node) ? 'map' : 'list'} cannot be a key; kubectl reads only scalar keys`, at);
  }
  const v = isScalar(node) ? node.value : null;
  if (v === null || v === undefined) {
    throw new ReadError(`unsupported map key ${describeKey(keyNode)}: it reads as null, which has no JSON form (quote it to use it as a string)`, at);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') {
    if (v > INT64_MAX) {
      throw new ReadError(`unsupported map key ${describeKey(keyNode)}: an integer above 2^63-1 reads as uint64, which has no JSON key form (quote it to use it as a string)`, at);
    }
    return v.toString();
  }
  if (typeof v === 'number') return formatFloatKey(v);
  if (v === MERGE_KEY) return '<<';
  return String(v);
}

function convert(node: unknown, depth: number, d: Decoding): unknown {
  if (isAlias(node)) return throughAlias(node, d, (target) => convert(target, depth, d));
  if (isScalar(node)) return scalarValue(node.value, d);
  if (isMap(node) || isSeq(node)) {
    if (depth > d.maxDepth) throw new ReadError(`nesting deeper than ${d.maxDepth} levels`, offsetOf(node));
    if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1, d));
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
    if (isScalar(pair.key) && pair.key.value === MERGE_KEY) {
      merge(pair.value, out, depth, d);
      continue;
    }
    const key = keyOf(pair.key, d);
    const value = convert(pair.value, depth + 1, d);
    if (literal.has(key)) {
      throw new ReadError(`key "${key}" already set in map (map keys must be unique; kubectl would keep only one of them)`, offsetOf(pair.key));
    }
    literal.add(key);
    setKey(out, key, value);
  }
}

function merge(source: unknown, out: Record<string, unknown>, depth: number, d: Decoding): void {
  const at = offsetOf(source);
  const mergeOne = (item: unknown): void => {
    if (isAlias(item)) {
      throughAlias(item, d, (target) => mergeOne(isMap(target) ? target : null));
      return;
    }
    if (!isMap(item)) throw new ReadError(WANT_MAP, offsetOf(item) ?? at);
    const merged: Record<string, unknown> = {};
    fillMap(item, merged, depth, d);
    for (const [k, v] of Object.entries(merged)) setKey(out, k, v);
  };
  if (isSeq(source)) {
    for (let i = source.items.length - 1; i >= 0; i--) {
      const item = source.items[i];
      if (!isMap(item) && !isAlias(item)) throw new ReadError(WANT_MAP, offsetOf(item) ?? at);
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

/** A document's text as kubectl's YAMLReader cuts it out of the stream. */
interface Chunk {
  readonly text: string;
  /** 1-based line of the chunk's first line in the stream. */
  readonly line: number;
}

/**
 * YAMLReader.Read of k8s.io/apimachinery/pkg/util/yaml (v0.27): kubectl splits the stream on
 * lines starting with `---` itself, before any YAML parsing; the rest of such a line may hold
 * only spaces and a comment ("invalid Yaml document separator" otherwise, which ends the stream).
 * So a `---` line inside a block scalar still splits, and a `%YAML` directive becomes a document
 * of its own that go-yaml refuses.
 */
function splitStream(text: string): { chunks: Chunk[]; error?: { line: number; message: string } } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const chunks: Chunk[] = [];
  let buffer: string[] = [];
  let start = 1;
  const flush = (): void => {
    if (buffer.length > 0) chunks.push({ text: `${buffer.join('\n')}\n`, line: start });
    buffer = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        flush();
        return { chunks, error: { line: i + 1, message: `invalid Yaml document separator: ${rest} (line ${i + 1}; after --- only a comment may follow)` } };
      }
      flush();
      continue;
    }
    if (buffer.length === 0) start = i + 1;
    buffer.push(line);
  }
  flush();
  return { chunks };
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

const SCHEMA = kubectlSchema();

/**
 * Reads a YAML stream the way kubectl 1.27 does (sigs.k8s.io/yaml v1.3.0 on gopkg.in/yaml.v2
 * v2.4.0; see yaml-1.1-kubectl.ts): an unquoted `yes` is true, `0755` is 493, `08` is 8, `12:30`
 * and `2001-12-14` stay strings, `1e3: x` has the key "1000", merges apply in document order.
 * Documents are cut as kubectl cuts them (lines starting with `---`); empty ones are dropped.
 * Stricter than kubectl on purpose: a key written twice in one mapping is an error ("already set
 * in map", as go-yaml's strict mode says) where kubectl keeps one silently. Numbers are JS
 * numbers: an integer beyond 2^53 loses precision, as it does in any JSON reader but Go's.
 * Never throws: a document that can't be read carries its errors, with line and column.
 */
export function readYamlStream(text: string, limits: ReadLimits = {}): ReadDocument[] {
  return [...readStream(text, limits, true)];
}

/**
 * readYamlStream one document at a time, each read when it is asked for: a caller that handles a
 * document before taking the next keeps only that one alive, which spares the garbage collector.
 * @internal for the CLI
 */
export function readYamlDocuments(text: string, limits: ReadLimits = {}): Iterable<ReadDocument> {
  return readStream(text, limits, true);
}

/**
 * readYamlStream without the fast path (yaml-fast.ts): every chunk through the yaml package.
 * @internal for tests that hold the fast path to the exact reader.
 */
export function readYamlStreamExact(text: string, limits: ReadLimits = {}): ReadDocument[] {
  return [...readStream(text, limits, false)];
}

function* readStream(text: string, limits: ReadLimits, fast: boolean): Generator<ReadDocument> {
  const maxAliasCount = limits.maxAliasCount ?? 1000;
  const maxDepth = limits.maxDepth ?? 100;
  let index = 0;
  try {
    const { chunks, error } = (fast ? splitStreamLf(text) : undefined) ?? splitStream(text);
    for (const chunk of chunks) {
      const doc = readChunk(chunk, maxAliasCount, maxDepth, fast);
      if (doc) yield { index: index++, ...doc };
    }
    if (error) yield { index: index++, line: error.line, errors: [error.message] };
  } catch (e) {
    yield { index: index++, line: 1, errors: [`cannot read YAML: ${(e as Error).message}`] };
  }
}

function readChunk(chunk: Chunk, maxAliasCount: number, maxDepth: number, fast: boolean): Omit<ReadDocument, 'index'> | undefined {
  const offsetOfContent = chunk.text.search(/[^\s]/);
  const line = offsetOfContent < 0 ? chunk.line : chunk.line + (chunk.text.slice(0, offsetOfContent).match(/\n/g)?.length ?? 0);
  const where = (offset: number | undefined): string => (offset === undefined ? `document starting at line ${line}` : position(chunk.text, offset, chunk.line));
  // Most chunks are plain block manifests that readChunkBlock reads in one pass; most others are
  // ones js-yaml reads, with go-yaml's scalar rules, several times faster than what follows. Both
  // decline (undefined) anything where they could differ from it, directives and raw NEL/LS/PS
  // included, so their errors below still come from here.
  const quick = fast ? readChunkBlock(chunk.text, maxDepth) ?? readChunkFast(chunk.text, maxDepth) : undefined;
  if (quick) return 'empty' in quick ? undefined : { line, value: quick.value, errors: [] };
  if (offsetOfContent >= 0 && chunk.text[offsetOfContent] === '%' && (offsetOfContent === 0 || chunk.text[offsetOfContent - 1] === '\n')) {
    // go-yaml wants `---` after a directive, and kubectl has already taken that line as a separator.
    return { line, errors: [`did not find expected <document start> at ${where(offsetOfContent)}: kubectl cuts the stream at the --- after a %YAML or %TAG directive, so directives cannot be used`] };
  }
  const lineBreak = /[\u0085\u2028\u2029]/.exec(chunk.text);
  if (lineBreak) {
    // go-yaml's scanner breaks lines at NEL, LS and PS (is_break); the yaml package does not. Rather
    // than guess what kubectl makes of the line, refuse it: the writer escapes these characters.
    const hex = lineBreak[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { line, errors: [`raw U+${hex} at ${where(lineBreak.index)}: kubectl's YAML reader takes it for a line break; write it as an escape (\\u${hex}) inside double quotes`] };
  }
  // go-yaml's Unmarshal decodes the first document of what it is given and ignores the rest.
  const parsed = parseAllDocuments(chunk.text, { version: '1.1', schema: SCHEMA, uniqueKeys: false, prettyErrors: false });
  const doc = Array.isArray(parsed) ? parsed[0] : parsed;
  if (doc === undefined) return undefined;
  if (doc.errors.length > 0) {
    return { line, errors: doc.errors.map((e) => `${e.message.replace(/\s+$/, '')} at ${where(e.pos?.[0])}`) };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return undefined;
  const { depth, targets } = survey(doc.contents, maxDepth);
  if (depth > maxDepth) return { line, errors: [`nesting deeper than ${maxDepth} levels (document starting at line ${line})`] };
  const d: Decoding = { targets, maxAliasCount, maxDepth, expanding: new Set(), aliasUses: 0, nonFinite: false };
  try {
    const value = convert(doc.contents, 1, d);
    const bad = d.nonFinite ? findNonFinite(value) : undefined;
    if (bad !== undefined) {
      const go = Number.isNaN(bad) ? 'NaN' : bad > 0 ? '+Inf' : '-Inf';
      return { line, errors: [`json: unsupported value: ${go} (document starting at line ${line}): .inf and .nan have no JSON form; quote them to keep them as strings`] };
    }
    return { line, value, errors: [] };
  } catch (e) {
    const at = e instanceof ReadError ? e.offset : undefined;
    return { line, errors: [`${(e as Error).message} at ${where(at)}`] };
  }
}
