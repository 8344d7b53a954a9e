import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { readYamlStreamExact } from '../../src/yaml';

/** One row of the kubectl table: a name and a YAML text. */
export interface Row {
  readonly name: string;
  readonly yaml: string;
}

/**
 * The rows of test/yaml/read.test.ts (recorded from kubectl 1.27), taken from its source so that
 * a row added there is checked by the block reader's tests too, without importing (and so
 * re-running) that test file.
 */
export function kubectlRows(): Row[] {
  const source = fs.readFileSync(path.join(__dirname, '..', 'yaml', 'read.test.ts'), 'utf8');
  const start = source.indexOf('const ERROR = Symbol');
  const end = source.indexOf('const ROWS =');
  if (start < 0 || end < start)
    throw new Error('yaml/read.test.ts no longer has its table between `const ERROR` and `const ROWS`');
  const js = ts.transpileModule(source.slice(start, end), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS },
  }).outputText;
  const tables = new Function(`${js}\nreturn [VALUES, KEYS, DOCUMENTS, STRICTER, RAW_BREAKS];`)() as Row[][];
  return tables.flat();
}

/**
 * The exact reader on one chunk (text without `---` lines), as the block reader must give it: its
 * value, 'empty' when it holds no document, or 'errors' when it cannot be read.
 */
export function exactChunk(text: string, maxDepth = 100): unknown {
  const docs = readYamlStreamExact(text, { maxDepth });
  return docs.length === 0 ? 'empty' : docs[0].errors.length > 0 ? 'errors' : docs[0].value;
}

/** Every *.yaml / *.yml file under a folder. */
export function* yamlFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* yamlFiles(p);
    else if (/\.ya?ml$/.test(e.name)) yield p;
  }
}

/** A seeded PRNG (mulberry32), so a failure reproduces. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
