import type { Schema } from '../versions/schema';

/**
 * Which minors' strict decoders see a document alike (range mode's phase 1).
 *
 * The decoder (rules/types.ts) walks a document along the type strings of its minor's schema: at
 * an object of definition D it looks up each key the document has, and goes on into the key's type.
 * Two minors that give every key the document reaches there the same type string walk the same
 * nodes with the same types, so they report the same issues, except an unknown field, whose
 * message names the minor and lists the definition's fields: range/index.ts never shares a result
 * with one. Keys whose type string differs between the minors of the range (or that some lack), and
 * definitions that some lack, are what can set them apart; a document is keyed, per minor, by the
 * types it finds at those it reaches.
 */

/** A key of a definition, as the minors of the range type it. */
interface Field {
  /** Index into `tokens` when the minors do not all give it the same type; -1 when they do. */
  readonly differs: number;
  /** Its distinct types across the minors (usually one), compiled. */
  readonly types: Node[];
}

/** A type string, compiled for the walk. */
interface Node {
  /** A list or map: its items'; an object: undefined. */
  item: Node | undefined;
  /** An object's keys; undefined for a scalar or a definition no minor has. */
  fields: Map<string, Field> | undefined;
  /** Index into `tokens` when some minor lacks the definition; -1 otherwise. */
  partial: number;
  /** Nothing below can set minors apart: the walk does not enter it. */
  stable: boolean;
}

/** The schemas of a range, compared definition by definition. */
export class SchemaDifferences {
  /** Per point of difference, each minor's token (its type string, or whether it has the definition). */
  private readonly tokens: string[][] = [];
  private readonly nodes = new Map<string, Node>();
  /** Marks of the points a walk met, cleared after each document. */
  private met: Uint8Array = new Uint8Array(0);

  constructor(private readonly schemas: readonly Schema[]) {
    const names = new Set<string>();
    for (const s of schemas) for (const d of Object.keys(s.definitions)) names.add(d);
    for (const name of names) this.compile(name);
    // A type is stable only when every type it can lead to is: settle that to a fixed point.
    let changed = true;
    while (changed) {
      changed = false;
      for (const node of this.nodes.values()) {
        if (node.stable && !this.settled(node)) {
          node.stable = false;
          changed = true;
        }
      }
    }
    this.met = new Uint8Array(this.tokens.length);
  }

  private settled(node: Node): boolean {
    if (node.item) return node.item.stable;
    if (!node.fields) return true;
    for (const f of node.fields.values()) for (const t of f.types) if (!t.stable) return false;
    return true;
  }

  private point(perMinor: string[]): number {
    this.tokens.push(perMinor);
    return this.tokens.length - 1;
  }

  /** The node of a type string; registered before its children so recursive definitions terminate. */
  private compile(type: string): Node {
    let node = this.nodes.get(type);
    if (node) return node;
    node = { item: undefined, fields: undefined, partial: -1, stable: true };
    this.nodes.set(type, node);
    if (type.startsWith('[]') || type.startsWith('{}')) {
      node.item = this.compile(type.slice(2));
      return node;
    }
    const props = this.schemas.map((s) =>
      Object.hasOwn(s.definitions, type) ? s.definitions[type].properties : undefined,
    );
    if (props.every((p) => p === undefined)) return node; // a scalar, or a definition no minor has
    if (props.some((p) => p === undefined)) {
      node.partial = this.point(props.map((p) => (p ? '+' : '-')));
      node.stable = false;
    }
    const keys = new Set<string>();
    for (const p of props) if (p) for (const k of Object.keys(p)) keys.add(k);
    node.fields = new Map();
    for (const k of keys) {
      const perMinor = props.map((p) => (p && Object.hasOwn(p, k) ? p[k] : ''));
      const same = perMinor.every((t) => t === perMinor[0]);
      if (!same) node.stable = false;
      const distinct = [...new Set(perMinor.filter((t) => t !== ''))];
      node.fields.set(k, { differs: same ? -1 : this.point(perMinor), types: distinct.map((t) => this.compile(t)) });
    }
    return node;
  }

  /**
   * The minors' keys for `manifest` under its root type (e.g. the DaemonSet definition), one string
   * per schema: minors with equal keys decode it alike.
   */
  keysOf(manifest: unknown, rootType: string): string[] {
    const reached: number[] = [];
    const root = this.nodes.get(rootType) ?? this.compile(rootType);
    if (!root.stable) this.walk(manifest, root, reached);
    for (const p of reached) this.met[p] = 0;
    return this.schemas.map((_, m) => {
      let key = '';
      for (const p of reached) key += `${this.tokens[p][m]}\u0000`;
      return key;
    });
  }

  private mark(p: number, reached: number[]): void {
    if (this.met[p] === 1) return;
    this.met[p] = 1;
    reached.push(p);
  }

  /** Marks the points of difference under `v`; a superset of what the decoder visits, which only costs sharing. */
  private walk(v: unknown, node: Node, reached: number[]): void {
    if (v === null || typeof v !== 'object') return;
    const item = node.item;
    if (item !== undefined) {
      if (item.stable) return;
      const items = Array.isArray(v) ? v : Object.values(v);
      for (let i = 0; i < items.length; i++) this.walk(items[i], item, reached);
      return;
    }
    const fields = node.fields;
    if (fields === undefined || Array.isArray(v)) return;
    if (node.partial >= 0) this.mark(node.partial, reached);
    for (const k of Object.keys(v)) {
      const f = fields.get(k);
      if (f === undefined) continue; // no minor knows it: an unknown field everywhere
      if (f.differs >= 0) this.mark(f.differs, reached);
      const x = (v as Record<string, unknown>)[k];
      if (x === null || typeof x !== 'object') continue;
      for (let t = 0; t < f.types.length; t++) if (!f.types[t].stable) this.walk(x, f.types[t], reached);
    }
  }
}
