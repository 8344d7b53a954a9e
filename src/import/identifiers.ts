/** Words that can't name a variable (ES reserved and strict-mode words) or would shadow what the module uses. */
const RESERVED = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'await',
  'arguments',
  'eval',
  'undefined',
  'NaN',
  'Infinity',
  'globalThis',
  'Object',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Error',
  'scope',
  'id',
  'kplus',
  'as',
  'any',
  'async',
  'declare',
  'from',
  'get',
  'is',
  'module',
  'namespace',
  'never',
  'of',
  'readonly',
  'require',
  'set',
  'type',
  'unknown',
  'symbol',
  'object',
  'number',
  'string',
  'boolean',
]);

/**
 * camelCase ASCII identifier from arbitrary manifest text: runs of anything but letters and
 * digits separate words, so no manifest character survives except [A-Za-z0-9].
 * `kind` prefixes a leading digit and suffixes a reserved word; it stands alone for empty input.
 */
export function toIdentifier(text: string, kind: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const norm = (w: string) => (w === w.toUpperCase() ? w.toLowerCase() : w);
  const camel = words
    .map((w, i) =>
      i === 0 ? norm(w).charAt(0).toLowerCase() + norm(w).slice(1) : norm(w).charAt(0).toUpperCase() + norm(w).slice(1),
    )
    .join('');
  if (camel === '') return kind;
  if (/^[0-9]/.test(camel)) return `${kind}${camel}`;
  if (RESERVED.has(camel)) return `${camel}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  return camel;
}

/** Hands out unique identifiers in one scope (the generated constructor): `varlog`, `varlog2`, … */
export class Identifiers {
  private readonly taken = new Set<string>();

  public constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r);
  }

  /** A copy to try names in, adopted only if the attempt is kept. */
  public clone(): Identifiers {
    return new Identifiers(this.taken);
  }

  /** A fresh identifier derived from `text`. */
  public unique(text: string, kind: string): string {
    const base = toIdentifier(text, kind);
    let name = base;
    for (let n = 2; this.taken.has(name) || RESERVED.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}
