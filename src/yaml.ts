import { Document, isScalar, parseAllDocuments, Scalar, visit } from 'yaml';

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

/** Renders one manifest as a YAML document (no leading `---`). */
export function toYaml(value: unknown): string {
  const doc = new Document(value, WRITE_OPTIONS);
  let unsafe = false;
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value !== 'string') return;
      UNSAFE_CHARS.lastIndex = 0;
      const hasUnsafe = UNSAFE_CHARS.test(node.value);
      unsafe ||= hasUnsafe;
      if (hasUnsafe || EXTRA_AMBIGUOUS.has(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const text = doc.toString(WRITE_OPTIONS);
  // Safe only because every scalar holding such a character was made double-quoted above.
  return unsafe ? text.replace(UNSAFE_CHARS, escapeUnsafe) : text;
}

/** Renders manifests as a multi-document YAML stream, `---` between documents. */
export function toYamlStream(values: readonly unknown[]): string {
  return values.map(toYaml).join('---\n');
}

/** A document read from a YAML stream, or the reason it could not be read. */
export interface ReadDocument {
  /** Index of the document in its stream, from 0. */
  readonly index: number;
  /** The document as plain data, when it parsed. */
  readonly value?: unknown;
  /** Parse errors with their line and column, when it did not. */
  readonly errors: readonly string[];
}

/**
 * Reads a YAML stream the way kubectl does: YAML 1.1 types (sigs.k8s.io/yaml on go-yaml v2),
 * so an unquoted `yes` is a bool and `0755` an octal int, exactly as the API server receives them.
 * Empty documents (a lone `---`) are dropped, as kubectl's decoder drops them.
 */
export function readYamlStream(text: string): ReadDocument[] {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: true, prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: ReadDocument[] = [];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      out.push({ index: out.length, errors: doc.errors.map((e) => e.message) });
      continue;
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    out.push({ index: out.length, value: doc.toJS({ maxAliasCount: 100 }), errors: [] });
  }
  return out;
}
