import { toFieldPath, type FieldPath } from '../validate/issue';
import { arr, type Expr, type Statement } from './code';
import type { Identifiers } from './identifiers';
import { has } from '../validate/read';
import type { Rec } from './values';

/** A field written by escape hatch (`daemonSet.addJsonPatch(...)`), with why the constructs can't write it. */
export interface Hatch {
  readonly op: 'add' | 'replace' | 'remove';
  readonly path: FieldPath;
  readonly value?: unknown;
  readonly reason: string;
}

/** JSON Pointer (RFC 6901) of a field path. */
export function toPointer(path: FieldPath): string {
  return path
    .map((s) => `/${(typeof s === 'object' ? s.key : String(s)).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** The state of mapping one document: declarations before the DaemonSet, and escape hatches. */
export class DocContext {
  /** `const` declarations the DaemonSet's props refer to, in order. */
  public readonly decls: Statement[] = [];
  public readonly hatches: Hatch[] = [];

  public constructor(public readonly ids: Identifiers) {}

  /** Sets a field the constructs don't write (or overrides one they write differently). */
  /** `add`, for an expression that maps a field: records the patch and yields no code for it. */
  public skip(path: FieldPath, value: unknown, reason: string): undefined {
    this.add(path, value, reason);
    return undefined;
  }

  public add(path: FieldPath, value: unknown, reason: string): void {
    this.hatches.push({ op: 'add', path, value, reason });
  }

  /** Overrides a field the constructs always write. */
  public replace(path: FieldPath, value: unknown, reason: string): void {
    this.hatches.push({ op: 'replace', path, value, reason });
  }

  /** Removes a field the constructs always write but the input lacks. */
  public remove(path: FieldPath, reason: string): void {
    this.hatches.push({ op: 'remove', path, reason });
  }

  /** For a field the constructs write regardless: the input's value, or its absence. */
  public override(parent: Rec, k: string, path: FieldPath, reason: string): void {
    if (has(parent, k)) this.replace([...path, k], parent[k], reason);
    else this.remove([...path, k], reason);
  }

  /** Adds every key of `o` outside `known` by escape hatch. */
  public rest(o: Rec, known: readonly string[], path: FieldPath, reason: (k: string) => string): void {
    for (const k of Object.keys(o)) if (!known.includes(k)) this.add([...path, k], o[k], reason(k));
  }

  /**
   * Maps list items with `each` (an expression, or why the item can't be one). Unmapped items go
   * in by escape hatch at their index, after the mapped ones are in place. Returns undefined when
   * the constructs would write no list (nothing mapped), the whole list then going by escape hatch.
   */
  public list(
    items: readonly unknown[],
    path: FieldPath,
    each: (item: unknown, i: number) => Expr | string,
  ): Expr | undefined {
    const results = items.map(each);
    const mapped = results.filter((r): r is Expr => typeof r !== 'string');
    if (mapped.length === 0) {
      const reasons = [...new Set(results.filter((r): r is string => typeof r === 'string'))];
      this.add(path, items, items.length === 0 ? 'an empty list: the constructs write none' : reasons.join('; '));
      return undefined;
    }
    results.forEach((r, i) => {
      if (typeof r === 'string') this.add([...path, i], items[i], r);
    });
    return arr(mapped);
  }
}

/** The escape hatch as the API server names the field. */
export function hatchFieldPath(h: Hatch): string {
  return toFieldPath(h.path);
}
