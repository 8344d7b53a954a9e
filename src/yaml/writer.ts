import type * as YamlLibrary from 'yaml';
import { BlockEmitter } from './block-emitter';
import { yamlLibrary } from './library';

/**
 * The writer: YAML 1.2 core output that YAML 1.1 readers read back identically. kubectl decodes
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
 * The reference the block emitter (block-emitter.ts) is tested against; not exported by the package.
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
