/**
 * The writer's fast path: block-style YAML for plain JSON data, laid out exactly as the yaml
 * package lays it out (2-space indent, sequences indented under their key, `- ` items holding
 * their first map entry), with every scalar and key rendered BY the yaml package itself, once
 * per distinct value (manifests repeat the same keys and many values). The layout is trivial;
 * the quoting, which is where YAML is subtle, stays the library's. Anything else — multi-line
 * strings, lists directly in lists, undefined, keys the library writes unusually — returns
 * undefined and the caller renders the whole document with the library.
 * Equality with the library's output is tested on the corpora and on random documents.
 */

type Render = (value: unknown) => string;

const CACHE_LIMIT = 50_000;

/** Bounded memo: cleared when full, so hostile input can't grow it without limit. */
class Memo<K, V> {
  private readonly map = new Map<K, V>();
  public get(k: K, make: () => V): V {
    let v = this.map.get(k);
    if (v === undefined && !this.map.has(k)) {
      if (this.map.size >= CACHE_LIMIT) this.map.clear();
      v = make();
      this.map.set(k, v);
    }
    return v as V;
  }
}

export class BlockEmitter {
  private readonly values = new Memo<unknown, string | null>();
  private readonly keys = new Memo<string, string | null>();
  private readonly nestedKeys = new Memo<string, string | null>();

  /** `render` is the library's writer for one whole document. */
  public constructor(private readonly render: Render) {}

  /** The document as YAML, or undefined when it needs the library. */
  public emit(doc: unknown): string | undefined {
    if (!isPlainObject(doc) || Object.keys(doc).length === 0) return undefined;
    const out: string[] = [];
    return this.map(doc, '', out) ? out.join('') : undefined;
  }

  /** How the library writes `value` as a map value: from `a: <value>`. */
  private scalar(value: unknown): string | null {
    // A Map can't tell -0 from 0 (SameValueZero); the library writes them differently.
    if (Object.is(value, -0)) return this.scalarUncached(value);
    return this.values.get(value, () => this.scalarUncached(value));
  }

  private scalarUncached(value: unknown): string | null {
    const text = this.render(wrap('a', value));
    if (!text.startsWith('a: ') || !text.endsWith('\n')) return null;
    const body = text.slice(3, -1);
    return body.includes('\n') ? null : body;
  }

  /**
   * How the library writes `key` as a map key: from `<key>: 1`, at the start of a line for a
   * top-level key (where `...` and `---` would end a document) or indented under `x:`.
   */
  private key(key: string, nested: boolean): string | null {
    if (!nested) return this.keys.get(key, () => keyBody(this.render(wrap(key, 1)), ''));
    return this.nestedKeys.get(key, () => {
      const text = this.render(wrap('x', wrap(key, 1)));
      return text.startsWith('x:\n') ? keyBody(text.slice(3), '  ') : null;
    });
  }

  private map(obj: Record<string, unknown>, indent: string, out: string[]): boolean {
    for (const k of Object.keys(obj)) {
      const key = this.key(k, indent !== '');
      const v = obj[k];
      if (key === null || v === undefined) return false;
      if (Array.isArray(v)) {
        if (v.length === 0) out.push(`${indent}${key}: []\n`);
        else {
          out.push(`${indent}${key}:\n`);
          if (!this.seq(v, `${indent}  `, out)) return false;
        }
      } else if (isPlainObject(v)) {
        if (Object.keys(v).length === 0) out.push(`${indent}${key}: {}\n`);
        else {
          out.push(`${indent}${key}:\n`);
          if (!this.map(v, `${indent}  `, out)) return false;
        }
      } else if (typeof v === 'object' && v !== null) {
        return false;
      } else {
        const s = this.scalar(v);
        if (s === null) return false;
        out.push(`${indent}${key}: ${s}\n`);
      }
    }
    return true;
  }

  private seq(items: unknown[], indent: string, out: string[]): boolean {
    for (const item of items) {
      if (Array.isArray(item)) {
        if (item.length !== 0) return false; // a list in a list: the library's "- - " form
        out.push(`${indent}- []\n`);
      } else if (isPlainObject(item)) {
        if (Object.keys(item).length === 0) {
          out.push(`${indent}- {}\n`);
          continue;
        }
        const start = out.length;
        if (!this.map(item, `${indent}  `, out)) return false;
        out[start] = `${indent}- ${out[start].slice(indent.length + 2)}`;
      } else if (item === undefined || (typeof item === 'object' && item !== null)) {
        return false;
      } else {
        const s = this.scalar(item);
        if (s === null) return false;
        out.push(`${indent}- ${s}\n`);
      }
    }
    return true;
  }
}

/** The key of a one-entry map `<indent><key>: 1`, or null when the library wrote it another way. */
function keyBody(text: string, indent: string): string | null {
  if (!text.startsWith(indent) || !text.endsWith(': 1\n')) return null;
  const body = text.slice(indent.length, -4);
  return body.includes('\n') || body.startsWith('? ') ? null : body;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** `{ [k]: v }` without letting a `__proto__` key set the prototype. */
function wrap(k: string, v: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}
