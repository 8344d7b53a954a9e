import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/validate/engine';
import { NO_ISSUES } from '../../src/validate/rule';
import { daemonSet, issuesOf } from '../support/manifest';

/*
 * The engine decides the common valid case before building Go's messages (name regexes, byte
 * lengths, volume sources, container names) and shares one frozen empty list. These tests hold
 * the edges of those shortcuts to the full checks; expected values come from the engine before
 * the shortcuts.
 */

const POD = 'spec.template.spec';

describe('fast paths: shared results', () => {
  it('returns a fresh list the caller may extend, even when nothing is wrong', () => {
    const issues = validateManifest(daemonSet());
    expect(issues).toEqual([]);
    expect(Object.isFrozen(issues)).toBe(false);
    issues.push({ path: [], code: 'test/x', message: 'x' });
    expect(validateManifest(daemonSet())).toEqual([]);
  });

  it('keeps the shared empty list frozen, so a caller adding to it throws', () => {
    expect(() => NO_ISSUES.push({ path: [], code: 'test/x', message: 'x' })).toThrow(TypeError);
    expect(NO_ISSUES).toHaveLength(0);
  });

  it('gives each manifest its own volume issues when two are validated in turn', () => {
    const bad = daemonSet((_ds, pod) => {
      pod.volumes = [{ name: 'v' }];
    });
    const good = daemonSet((_ds, pod) => {
      pod.volumes = [{ name: 'v', emptyDir: {} }];
    });
    expect(issuesOf(bad)).toEqual([`${POD}.volumes[0] volume/source-required`]);
    expect(issuesOf(good)).toEqual([]);
    expect(issuesOf(bad)).toEqual([`${POD}.volumes[0] volume/source-required`]);
  });
});

describe('fast paths: names', () => {
  it('counts a label value in UTF-8 bytes, as Go does', () => {
    const [issue] = validateManifest(
      daemonSet((ds) => {
        ds.metadata.labels = { tier: 'é'.repeat(32) };
      }),
    );
    expect(issue.code).toBe('metadata/label-value-invalid');
    expect(issue.message).toContain('must be no more than 63 characters; a valid label must be an empty string');
  });

  it('refuses a label key whose prefix is longer than 253 characters', () => {
    const [issue] = validateManifest(
      daemonSet((ds) => {
        ds.metadata.labels = { [`${'a'.repeat(254)}/x`]: 'v' };
      }),
    );
    expect(issue.code).toBe('metadata/label-key-invalid');
    expect(issue.message).toMatch(/: prefix part must be no more than 253 characters$/);
  });

  it('accepts an environment variable named ".x" but not "..x"', () => {
    const [issue, ...rest] = validateManifest(
      daemonSet((_ds, _pod, c) => {
        c.env = [
          { name: '.x', value: '1' },
          { name: '..x', value: '1' },
        ];
      }),
    );
    expect(rest).toEqual([]);
    expect(issue.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'env', 1, 'name']);
    expect(issue.message).toBe('Invalid value "..x": must not start with \'..\'');
  });

  it('refuses port names with consecutive or outer hyphens', () => {
    expect(
      validateManifest(
        daemonSet((_ds, _pod, c) => {
          c.ports = [
            { containerPort: 80, name: 'a--b' },
            { containerPort: 81, name: '-ab' },
          ];
        }),
      ).map((i) => i.message),
    ).toEqual([
      'Invalid value "a--b": must not contain consecutive hyphens',
      'Invalid value "-ab": must not begin or end with a hyphen',
    ]);
  });
});

describe('fast paths: volumes and containers', () => {
  it('counts volume sources in Go order, not the order of the keys', () => {
    const issues = validateManifest(
      daemonSet((_ds, pod) => {
        pod.volumes = [{ name: 'v', secret: { secretName: 's' }, emptyDir: {} }];
      }),
    );
    expect(issues).toEqual([
      {
        path: ['spec', 'template', 'spec', 'volumes', 0, 'secret'],
        code: 'volume/source-multiple',
        message: 'Forbidden: may not specify more than 1 volume type (got emptyDir, secret); keep one',
      },
    ]);
  });

  it('does not count two unnamed init containers as duplicates', () => {
    expect(
      issuesOf(
        daemonSet((_ds, pod) => {
          pod.initContainers = [
            { name: '', image: 'i' },
            { name: '', image: 'i' },
          ];
        }),
      ),
    ).toEqual([
      `${POD}.initContainers[0].name container/name-required`,
      `${POD}.initContainers[1].name container/name-required`,
    ]);
  });
});
