import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../src/validate/issue';
import { validateForVersion } from '../../src/validate/pipeline';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/validate/versions';
import { type Expected, loadFixtures } from './_fixtures';
import { NOT_YET } from './_not-yet';

/**
 * Our engine against each fixture's API-server outcome, minor by minor: the verdict, the error
 * paths, and the server's warnings (our drop notices are ours alone: the server is silent).
 */
const fixtures = loadFixtures();

/** Our outcome in the fixtures' terms. */
function ours(manifest: unknown, minor: string): Expected {
  const r = validateForVersion(manifest, { kubernetesVersion: minor });
  const strict = r.errors.length > 0 && r.errors.every((e) => e.code.startsWith('type/'));
  return {
    verdict: r.errors.length === 0 ? 'VALID' : strict ? 'STRICT' : 'INVALID',
    errors: r.errors.map((e) => ({ path: toFieldPath(e.path), type: '' })),
    warnings: r.warnings
      .filter((w) => w.code.startsWith('warning/'))
      .map((w) => (w.message.startsWith('volume "') ? w.message : `${toFieldPath(w.path)}: ${w.message}`)),
  };
}

function comparable(e: Expected) {
  return {
    verdict: e.verdict,
    errors: [...new Set(e.errors.map((x) => x.path))].sort(),
    warnings: [...e.warnings].sort(),
  };
}

function notYet(name: string, minor: string): boolean {
  return (NOT_YET[name] ?? '').split(' ').includes(minor);
}

describe.each(SUPPORTED_KUBERNETES_VERSIONS)('validating for %s', (minor) => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s: as the API server', (name, f) => {
    const got = comparable(ours(f.manifest, minor));
    const want = comparable(f.expect[minor]);
    if (notYet(name, minor)) expect(got).not.toEqual(want);
    else expect(got).toEqual(want);
  });
});
