import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocuments } from '../../src/check/documents';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/validate/versions';
import { CORPORA } from '../support/manifest';

if (!CORPORA) console.warn('check/range.test.ts: K8S_CORPORA is not set, so the corpora files are SKIPPED.');

const ALL = [...SUPPORTED_KUBERNETES_VERSIONS];

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

/**
 * Each document's `byVersion` entry in a 1.27-1.34 check against the same file checked for that
 * minor alone: verdict, errors and warnings with their positions, deep-equal.
 */
function disagreements(files: readonly string[]): { checked: number; differing: string[] } {
  let checked = 0;
  const differing: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const range = checkDocuments(file, text, { kubernetesVersions: ALL });
    const alone = ALL.map((v) => checkDocuments(file, text, { kubernetesVersions: [v] }));
    range.forEach((r, d) => {
      if (r.byVersion === undefined) return;
      ALL.forEach((v, n) => {
        checked++;
        const own = alone[n][d];
        const expected = { valid: own.status === 'valid', errors: own.errors, warnings: own.warnings };
        try {
          expect(r.byVersion![v]).toStrictEqual(expected);
        } catch {
          differing.push(
            `${file} document ${d} ${v}: ${JSON.stringify(r.byVersion![v])} alone ${JSON.stringify(expected)}`,
          );
        }
      });
    });
  }
  return { checked, differing };
}

describe('range mode: each byVersion entry is that minor checked alone', () => {
  it('on every YAML file of the tests and examples', () => {
    const root = path.join(__dirname, '..', '..');
    const { checked, differing } = disagreements([
      ...yamlFiles(path.join(root, 'test')),
      ...yamlFiles(path.join(root, 'examples')),
    ]);
    expect(differing).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it.skipIf(!CORPORA)('on every corpus file', () => {
    const { checked, differing } = disagreements(yamlFiles(CORPORA!));
    expect(differing).toEqual([]);
    expect(checked).toBeGreaterThan(8 * 3000);
  });
});
