import { describe, expect, it } from 'vitest';
import { volumesRules } from '../../../../src/validate/rules/volumes';
import { daemonSet, issuesOf } from '../../../support/manifest';
import { pipelineIssues, ruleCases } from '../../../support/rule-cases';

// validateKeyToPath, validateLocalNonReservedPath and the file-mode check (1.27) through the items
// of a configMap volume. Every case is re-checked against the 1.27 kube-apiserver (k8s-oracle);
// codes and messages are ours.

const I = 'spec.template.spec.volumes[0].configMap.items[0]';
const withItems = (...items: object[]) =>
  daemonSet((_d, p) => {
    p.volumes = [{ name: 'v', configMap: { name: 'c', items } }];
  });

ruleCases(
  'configMap items (validateKeyToPath)',
  [
    {
      name: 'an item needs a key',
      manifest: withItems({ key: '', path: 'p' }),
      want: [`${I}.key volume/field-required`],
      message: 'Required value: name the key to project',
    },
    {
      name: 'an item needs a path',
      manifest: withItems({ key: 'k', path: '' }),
      want: [`${I}.path volume/field-required`],
      message: 'Required value: give the relative file path to project the key to',
    },
    {
      name: 'a mode above 0777 is reported at the item, in decimal and octal',
      manifest: withItems({ key: 'k', path: 'p', mode: 512 }),
      want: [`${I}.mode volume/file-mode-invalid`],
      message:
        'Invalid value 512 (octal 1000): must be a number between 0 and 0777 (octal), both inclusive; e.g. 420 for 0644',
    },
    {
      name: 'the modes 0 and 0777 are both inside the range',
      manifest: withItems({ key: 'k', path: 'p', mode: 0 }, { key: 'k', path: 'q', mode: 0o777 }),
      want: [],
    },
    {
      name: "a path starting with '../' is reported once, as a backstep, not also as reserved",
      manifest: withItems({ key: 'k', path: '../x' }),
      want: [`${I}.path volume/path-backsteps`],
      sameCauses: true,
    },
    {
      name: "a path starting with '..' but no '..' element is reserved (as ..data is)",
      manifest: withItems({ key: 'k', path: '..x' }),
      want: [`${I}.path volume/path-reserved`],
      message: `Invalid value "..x": must not start with '..'`,
      sameCauses: true,
    },
  ],
  pipelineIssues({ rules: [volumesRules] }),
);

// Without the strict decoder (validateManifest) an item field of the wrong type reaches these
// checks; the types rule reports it, and the volume rules must neither throw nor read it as a value.
describe('configMap items of the wrong type', () => {
  const volumeIssues = (m: unknown) => issuesOf(m).filter((l) => l.split(' ')[1]?.startsWith('volume/'));
  it.each<[string, object]>([
    ['a path', { key: 'k', path: 5 }],
    ['a mode that is no integer', { key: 'k', path: 'p', mode: 1000.5 }],
  ])('leaves %s to the types rule', (_what, item) => {
    const ds = withItems(item);
    expect(issuesOf(ds).some((l) => l.split(' ')[1]?.startsWith('type/'))).toBe(true);
    expect(volumeIssues(ds)).toEqual([]);
  });
});
