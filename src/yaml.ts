import type * as YamlLibrary from 'yaml';
import { yamlLibrary } from './yaml-library';
import { readChunkExact } from './yaml-read-exact';
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
  const bad = (s: string) => {
    if (EXTRA_AMBIGUOUS.has(s)) return true;
    UNSAFE_CHARS.lastIndex = 0;
    return UNSAFE_CHARS.test(s);
  };
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
  const { Document, Scalar, stringify, visit } = yamlLibrary();
  if (!needsFixups(value)) return stringify(value, WRITE_OPTIONS);
  const doc = new Document(value, WRITE_OPTIONS);
  visit(doc, {
    Scalar(_key, node: YamlLibrary.Scalar) {
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
        return {
          chunks,
          error: {
            line: i + 1,
            message: `invalid Yaml document separator: ${rest} (line ${i + 1}; after --- only a comment may follow)`,
          },
        };
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

function readChunk(
  chunk: Chunk,
  maxAliasCount: number,
  maxDepth: number,
  fast: boolean,
): Omit<ReadDocument, 'index'> | undefined {
  const offsetOfContent = chunk.text.search(/[^\s]/);
  const line =
    offsetOfContent < 0 ? chunk.line : chunk.line + (chunk.text.slice(0, offsetOfContent).match(/\n/g)?.length ?? 0);
  // Most chunks are plain block manifests that readChunkBlock reads in one pass; most others are
  // ones js-yaml reads, with go-yaml's scalar rules, several times faster than the exact reader.
  // Both decline (undefined) anything where they could differ from it, directives and raw
  // NEL/LS/PS included, so their errors still come from the exact reader.
  const quick = fast ? (readChunkBlock(chunk.text, maxDepth) ?? readChunkFast(chunk.text, maxDepth)) : undefined;
  if (quick) return 'empty' in quick ? undefined : { line, value: quick.value, errors: [] };
  return readChunkExact(chunk.text, { firstLine: chunk.line, offsetOfContent, line }, maxAliasCount, maxDepth);
}
