import type { Node, Pair, YAMLMap } from 'yaml';
import { formatFloatKey, MERGE_KEY } from './go-yaml-resolve';
import { kubectlSchema } from './kubectl-schema';
import { yamlLibrary } from './library';
import type { Chunk } from './split-stream';

/** A 1-based line and column in a YAML stream. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A step of a field path: a field or a map key (`{ key }`, as validate/issue.ts writes them), or a list index. */
export type PathSegment = string | number | { readonly key: string };

/** The exact reader's schema, made once the first document with issues comes. */
let schema: ReturnType<typeof kubectlSchema> | undefined;

/**
 * Where each field path points in one chunk (a document as kubectl cuts the stream): the key of
 * a mapping entry, the item of a list, or, past the last field that exists, that field. The empty
 * path points at the document's first node. Asked only for documents with issues, so the fast
 * readers never pay for it: the chunk is parsed again by the yaml package (the exact reader's
 * parser, with its schema, so keys read as they did), with a LineCounter. Aliases are followed
 * into their anchor (the text there is the field's), merge keys (`<<`) after the mapping's own keys,
 * first source first, as go-yaml's decoder merges.
 */
export function fieldPositions(chunk: Chunk, paths: readonly (readonly PathSegment[])[]): Position[] {
  const Y = yamlLibrary();
  schema ??= kubectlSchema();
  const lineCounter = new Y.LineCounter();
  const doc = Y.parseDocument(chunk.text, {
    version: '1.1',
    schema,
    uniqueKeys: false,
    lineCounter,
  });
  const at = (node: Node | null | undefined, fallback: Position): Position => {
    const offset = node?.range?.[0];
    if (offset === undefined) return fallback;
    const { line, col } = lineCounter.linePos(offset);
    return { line: chunk.line + line - 1, column: col };
  };
  const deref = (node: unknown): unknown => (Y.isAlias(node) ? node.resolve(doc) : node);
  const keyText = (key: unknown): string | typeof MERGE_KEY | undefined => {
    const k = deref(key);
    if (!Y.isScalar(k)) return undefined;
    const v = k.value;
    if (typeof v === 'string' || v === MERGE_KEY) return v;
    if (typeof v === 'number') return formatFloatKey(v);
    return v === null || v === undefined ? undefined : String(v);
  };
  // The pair of a mapping that gives `key` its value: its own first, then its merge sources.
  const entry = (map: YAMLMap, key: string, seen: Set<unknown>): Pair | undefined => {
    if (seen.has(map)) return undefined;
    seen.add(map);
    const merges: unknown[] = [];
    for (const pair of map.items as Pair[]) {
      const k = keyText(pair.key);
      if (k === key) return pair;
      if (k === MERGE_KEY) merges.push(pair.value);
    }
    for (const source of merges) {
      const s = deref(source);
      const sources = Y.isSeq(s) ? s.items.map(deref) : [s];
      for (const m of sources) {
        const found = Y.isMap(m) ? entry(m, key, seen) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  };
  const start = at(doc.contents as Node | null, { line: chunk.line, column: 1 });
  return paths.map((path) => {
    let node: unknown = doc.contents;
    let pos = start;
    for (const segment of path) {
      const n = deref(node);
      if (Y.isMap(n)) {
        const pair = entry(n, typeof segment === 'object' ? segment.key : String(segment), new Set());
        if (!pair) break;
        pos = at(pair.key as Node, pos);
        node = pair.value;
      } else if (Y.isSeq(n) && typeof segment === 'number' && segment < n.items.length) {
        node = n.items[segment];
        pos = at(node as Node, pos);
      } else {
        break;
      }
    }
    return pos;
  });
}
