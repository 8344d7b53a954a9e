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

type Properties = Readonly<Record<string, string>>;

interface DefinitionView {
  /** Each property's type string per minor (undefined where the minor lacks it). */
  readonly types: ReadonlyMap<string, readonly (string | undefined)[]>;
  /** Keys whose type string is not the same in every minor. */
  readonly volatile: ReadonlySet<string>;
  /** Some minor lacks the definition: any object of it sets them apart. */
  readonly partial: boolean;
  /** Nothing that can set minors apart is reachable from this definition: the walk need not enter it. */
  stable: boolean;
}

/** The schemas of a range, compared definition by definition. */
export class SchemaDifferences {
  private readonly views = new Map<string, DefinitionView>();

  constructor(private readonly schemas: readonly Schema[]) {
    const names = new Set<string>();
    for (const s of schemas) for (const d of Object.keys(s.definitions)) names.add(d);
    for (const name of names) {
      const props: (Properties | undefined)[] = schemas.map((s) =>
        Object.hasOwn(s.definitions, name) ? s.definitions[name].properties : undefined,
      );
      const keys = new Set<string>();
      for (const p of props) if (p) for (const k of Object.keys(p)) keys.add(k);
      const types = new Map<string, (string | undefined)[]>();
      const volatile = new Set<string>();
      for (const k of keys) {
        const perMinor = props.map((p) => (p && Object.hasOwn(p, k) ? p[k] : undefined));
        types.set(k, perMinor);
        if (perMinor.some((t) => t !== perMinor[0])) volatile.add(k);
      }
      const partial = props.some((p) => p === undefined);
      this.views.set(name, { types, volatile, partial, stable: !partial && volatile.size === 0 });
    }
    // A definition is stable only when every type it can lead to is: settle that to a fixed point.
    let changed = true;
    while (changed) {
      changed = false;
      for (const view of this.views.values()) {
        if (!view.stable) continue;
        for (const perMinor of view.types.values()) {
          if (perMinor.some((t) => t !== undefined && !this.typeStable(t))) {
            view.stable = false;
            changed = true;
            break;
          }
        }
      }
    }
  }

  private typeStable(type: string): boolean {
    const view = this.views.get(elementType(type));
    return view === undefined || view.stable;
  }

  /**
   * The minors' keys for `manifest` under its root type (e.g. the DaemonSet definition), one string
   * per schema: minors with equal keys decode it alike.
   */
  keysOf(manifest: unknown, rootType: string): string[] {
    const reached: string[] = [];
    this.walk(manifest, rootType, reached, new Set());
    return this.schemas.map((_, m) => {
      let key = '';
      for (let i = 0; i < reached.length; i += 2) {
        const k = reached[i + 1];
        const view = this.views.get(reached[i])!;
        key += k === '' ? (this.has(reached[i], m) ? '+' : '-') : `${view.types.get(k)![m] ?? ''}\u0000`;
      }
      return key;
    });
  }

  private has(definition: string, m: number): boolean {
    return Object.hasOwn(this.schemas[m].definitions, definition);
  }

  /** Records in `reached` (definition, key) for each volatile key met, (definition, '') for a partial definition. */
  private walk(v: unknown, type: string, reached: string[], seen: Set<string>): void {
    if (v === null || typeof v !== 'object') return;
    if (type.startsWith('[]') || type.startsWith('{}')) {
      const item = type.slice(2);
      if (this.typeStable(item)) return;
      for (const x of Array.isArray(v) ? v : Object.values(v)) this.walk(x, item, reached, seen);
      return;
    }
    const view = this.views.get(type);
    // A scalar type, or a definition no minor has (the decoder checks nothing inside it), or one
    // from which nothing differs.
    if (view === undefined || view.stable || Array.isArray(v)) return;
    if (view.partial) note(reached, seen, type, '');
    for (const k of Object.keys(v)) {
      const perMinor = view.types.get(k);
      if (perMinor === undefined) continue; // no minor knows it: an unknown field everywhere
      if (view.volatile.has(k)) note(reached, seen, type, k);
      const x = (v as Record<string, unknown>)[k];
      // Usually one type; a key whose type changed between minors is followed under each.
      for (let m = 0; m < perMinor.length; m++) {
        const t = perMinor[m];
        if (t !== undefined && perMinor.indexOf(t) === m) this.walk(x, t, reached, seen);
      }
    }
  }
}

function elementType(type: string): string {
  let t = type;
  while (t.startsWith('[]') || t.startsWith('{}')) t = t.slice(2);
  return t;
}

function note(reached: string[], seen: Set<string>, definition: string, key: string): void {
  const id = `${definition}\u0000${key}`;
  if (seen.has(id)) return;
  seen.add(id);
  reached.push(definition, key);
}
