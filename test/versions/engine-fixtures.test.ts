import { describe, expect, it } from 'vitest';
import { toFieldPath } from '../../src/validate/issue';
import { validateForVersion } from '../../src/validate/pipeline';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/validate/versions';
import { type Expected, loadFixtures } from './_fixtures';

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

/**
 * Rows whose rule is not ported yet, with the minors where we still answer differently. Listed so
 * that the gap is visible and shrinks: a listed pair that starts agreeing fails too (strike it).
 */
const NOT_YET: Readonly<Record<string, string>> = {
  '1.29-7a-sleep-hook': '1.30 1.31 1.32 1.33 1.34',
  '1.29-7b-sleep-and-exec': '1.30 1.31 1.32 1.33 1.34',
  '1.30-1a-apparmor-localhost-without-profile': '1.30 1.31 1.32 1.33 1.34',
  '1.30-3-sleep-zero': '1.30 1.31 1.32 1.33 1.34',
  '1.30-5-host-alias-bad-ip': '1.30 1.31 1.32 1.33 1.34',
  '1.31-4-recursive-read-only-writable': '1.31 1.32 1.33 1.34',
  '1.31-5-match-label-keys-without-selector': '1.31 1.32 1.33 1.34',
  '1.32-1-selinux-change-policy': '1.33 1.34',
  '1.33-4-proc-mount-unmasked': '1.33 1.34',
  '1.33-5-supplemental-groups-policy-lowercase': '1.33 1.34',
  '1.33-7-resize-policy': '1.33 1.34',
  '1.33-8-dns-search-underscore': '1.33 1.34',
  '1.34-5-pod-level-limit-exceeded': '1.34',
  '1.34-6-resource-claim-without-source': '1.34',
  '1.34-8-spread-match-label-keys-in-selector': '1.34',
  '1.34-9-ephemeral-attributes-class-invalid': '1.34',
  'w-1.33-preferred-affinity-label-value': '1.33 1.34',
};

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
