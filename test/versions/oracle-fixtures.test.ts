import { describe, expect, it } from 'vitest';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/validate/versions';
import { findOracle, runOracle } from '../support/oracle';
import { loadFixtures } from './_fixtures';

/**
 * Guards the fixtures' data: each fixture's expected outcome per minor must be what the real API
 * server of that minor answers (shared/tools/k8s-oracle). A regenerated fixture that changed a
 * verdict, an error path or a warning fails here.
 */
const ORACLE = findOracle();
if (!ORACLE)
  console.warn('oracle-fixtures.test.ts: k8s-oracle not found (set K8S_SHARED), the oracle check is SKIPPED.');

const fixtures = loadFixtures();

describe('version fixtures', () => {
  it('cover every research row they name, each minor once', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
    for (const f of fixtures) expect(Object.keys(f.expect)).toEqual([...SUPPORTED_KUBERNETES_VERSIONS]);
  });
});

describe.skipIf(!ORACLE).each(SUPPORTED_KUBERNETES_VERSIONS)('the %s API server', (minor) => {
  it('answers every fixture as its data says', () => {
    const results = runOracle(
      ORACLE!,
      minor,
      fixtures.map((f) => f.file),
    );
    const differing: string[] = [];
    results.forEach((r, i) => {
      const want = fixtures[i].expect[minor];
      const got = {
        verdict: r.verdict,
        errors: r.causes.map((c) => ({ path: c.path, type: c.type })),
        warnings: r.warnings,
      };
      const expected = { verdict: want.verdict, errors: want.errors, warnings: want.warnings };
      if (JSON.stringify(got) !== JSON.stringify(expected))
        differing.push(`${fixtures[i].name}: oracle ${JSON.stringify(got)}, fixture ${JSON.stringify(expected)}`);
    });
    expect(differing).toEqual([]);
  });
});
