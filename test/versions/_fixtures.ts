import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/validate/versions';

/**
 * The version fixtures: one YAML file per row of research/k8s-versions.md (§3 verdict changes,
 * §4 warnings, and the three 1.27 defects of issue 18). The first document is the DaemonSet (the
 * only one the oracle reads); the second is the API server's outcome per minor, as data.
 */
export const FIXTURES_DIR = path.join(__dirname, 'fixtures');

/** The API server's outcome of one fixture in one minor. */
export interface Expected {
  readonly verdict: 'VALID' | 'INVALID' | 'STRICT';
  /** INVALID and STRICT: each cause's field path and field.ErrorType (`FieldValueUnknown` for STRICT). */
  readonly errors: readonly { readonly path: string; readonly type: string }[];
  /** VALID: the warnings kubectl prints, as `path: message`. */
  readonly warnings: readonly string[];
}

export interface Fixture {
  readonly name: string;
  readonly file: string;
  /** The research row it stands for (the file's first comment). */
  readonly row: string;
  readonly manifest: unknown;
  /** Per supported minor. */
  readonly expect: Readonly<Record<string, Expected>>;
}

function minorsOf(key: string): string[] {
  const all: readonly string[] = SUPPORTED_KUBERNETES_VERSIONS;
  const [from, to = from] = key.split('-');
  const i = all.indexOf(from);
  const j = all.indexOf(to);
  if (i < 0 || j < i) throw new Error(`bad minor range ${key}`);
  return all.slice(i, j + 1);
}

export function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = path.join(FIXTURES_DIR, f);
      const text = fs.readFileSync(file, 'utf8');
      const [doc, exp] = parseAllDocuments(text) as ReturnType<typeof parseAllDocuments> & unknown[];
      const data = (exp as { toJS(): { expect: Record<string, Partial<Expected>> } }).toJS();
      const expect: Record<string, Expected> = {};
      for (const [key, e] of Object.entries(data.expect)) {
        for (const m of minorsOf(key)) {
          if (expect[m]) throw new Error(`${f}: ${m} given twice`);
          expect[m] = { verdict: e.verdict!, errors: e.errors ?? [], warnings: e.warnings ?? [] };
        }
      }
      const missing = SUPPORTED_KUBERNETES_VERSIONS.filter((m) => !expect[m]);
      if (missing.length > 0) throw new Error(`${f}: no expectation for ${missing.join(', ')}`);
      return {
        name: f.replace(/\.yaml$/, ''),
        file,
        row: /^# (.*)$/m.exec(text)?.[1] ?? '',
        manifest: (doc as { toJS(): unknown }).toJS(),
        expect,
      };
    });
}
