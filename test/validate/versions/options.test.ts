import { describe, expect, it } from 'vitest';
import { gatesOf } from '../../../src/validate/versions/gates';
import {
  type KubernetesVersion,
  minorNumber,
  SUPPORTED_KUBERNETES_VERSIONS,
} from '../../../src/validate/versions/minors';
import { validationOptionsOf } from '../../../src/validate/versions/options';
import { switchesOf } from '../../../src/validate/versions/switches';

const optionsAt = (minor: KubernetesVersion, overrides = {}) =>
  validationOptionsOf(gatesOf(minor, overrides), switchesOf(minor));

/** The minors in which an option is true, from the first minor to the one before `falseFrom`. */
const trueBefore = (falseFrom: string) =>
  SUPPORTED_KUBERNETES_VERSIONS.filter((m) => minorNumber(m) < minorNumber(falseFrom));

// GetValidationOptionsFromPodSpecAndMeta with old = nil: each "allow what the stored object had"
// option is false on create from the minor that introduced its check, true before (the check did
// not exist). Minors per upstream: #118705 (1.29), 1.30 projected token path, #128212 (1.33),
// validateHostUsers (1.34).
describe('validation options on create', () => {
  it.each([
    ['AllowNamespacedSysctlsForHostNetAndHostIPC', '1.29'],
    ['AllowNonLocalProjectedTokenPath', '1.30'],
    ['AllowInvalidLabelValueInRequiredNodeAffinity', '1.33'],
    ['AllowUserNamespacesWithVolumeDevices', '1.34'],
  ] as const)('allow %s only before %s', (option, falseFrom) => {
    const allowedIn = SUPPORTED_KUBERNETES_VERSIONS.filter((m) => optionsAt(m)[option]);
    expect(allowedIn).toEqual(trueBefore(falseFrom));
  });

  it('allow only a Recursive seLinuxChangePolicy while SELinuxMount is off', () => {
    for (const m of SUPPORTED_KUBERNETES_VERSIONS)
      expect(optionsAt(m).AllowOnlyRecursiveSELinuxChangePolicy).toBe(true);
    expect(optionsAt('1.33', { SELinuxMount: true }).AllowOnlyRecursiveSELinuxChangePolicy).toBe(false);
  });
});
