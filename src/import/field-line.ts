import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { FieldPath } from '../validate/issue';

/**
 * Finds the line a field is written on, for messages pointing into the input. The stream is parsed
 * once more with the yaml package's syntax tree (readYamlStream keeps only data); the field is
 * followed key by key, stopping at what the tree can't follow (an alias, a merge key, a key the
 * kubectl schema spells differently) and giving the line of the deepest field found.
 */
export function fieldLineFinder(text: string): (documentLine: number, path: FieldPath) => number {
  let parsed: { docs: ReturnType<typeof parseAllDocuments>; lines: LineCounter } | undefined;
  const tree = () => {
    if (!parsed) {
      const lines = new LineCounter();
      // Only positions are wanted: duplicate keys and the like are readYamlStream's to report.
      const docs = parseAllDocuments(text, {
        version: '1.1',
        uniqueKeys: false,
        prettyErrors: false,
        lineCounter: lines,
      });
      parsed = { docs, lines };
    }
    return parsed;
  };
  return (documentLine, path) => {
    try {
      const { docs, lines } = tree();
      if (!Array.isArray(docs)) return documentLine;
      const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
      // The document holding documentLine: the first whose contents end on or after it.
      const doc = docs.find((d) => (lineOf(d.contents?.range?.[1]) ?? 0) >= documentLine);
      let node: unknown = doc?.contents;
      let line = documentLine;
      for (const seg of path) {
        const name = typeof seg === 'object' ? seg.key : seg;
        if (isMap(node) && typeof name === 'string') {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name);
          if (!pair) break;
          line = lineOf((pair.key as Node).range?.[0]) ?? line;
          node = pair.value;
        } else if (isSeq(node) && typeof name === 'number' && name < node.items.length) {
          node = node.items[name];
          line = lineOf((node as Node).range?.[0]) ?? line;
        } else {
          break;
        }
        if (isAlias(node)) break;
      }
      return line;
    } catch {
      return documentLine;
    }
  };
}
