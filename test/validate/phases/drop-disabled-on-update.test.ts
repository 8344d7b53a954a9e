import { describe, expect, it } from 'vitest';
import { dropDisabledFields, gatesInUse } from '../../../src/validate/phases/drop-disabled';
import { toFieldPath } from '../../../src/validate/issue';
import { profileOf } from '../../../src/validate/versions/profile';

/* eslint-disable @typescript-eslint/no-explicit-any */

// 1.28: UserNamespacesSupport and InPlacePodVerticalScaling are off by default.
const PROFILE = profileOf('1.28');
const spec = (edit: (s: any) => void = () => {}): any => {
  const s: any = { containers: [{ name: 'a', image: 'a' }] };
  edit(s);
  return s;
};
const drop = (s: any, old?: any) =>
  dropDisabledFields(s, ['spec', 'template', 'spec'], PROFILE, old).map((i) => `${toFieldPath(i.path)} ${i.code}`);

describe('dropDisabledFields with the stored pod spec (PrepareForUpdate)', () => {
  it('drops a gate-disabled field the stored spec does not use', () => {
    const s = spec((x) => (x.hostUsers = false));
    expect(drop(s, spec())).toEqual(['spec.template.spec.hostUsers drop/gate-disabled']);
    expect(s.hostUsers).toBeUndefined();
  });

  it('keeps it when the stored spec already uses it (userNamespacesInUse)', () => {
    const s = spec((x) => (x.hostUsers = false));
    expect(
      drop(
        s,
        spec((x) => (x.hostUsers = true)),
      ),
    ).toEqual([]);
    expect(s.hostUsers).toBe(false);
  });

  it("keeps a container field when any container of the stored spec uses the gate's fields", () => {
    const resize = [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }];
    const s = spec((x) => x.containers.push({ name: 'b', image: 'b', resizePolicy: resize }));
    const old = spec((x) => (x.containers[0].resizePolicy = resize));
    expect(drop(s, old)).toEqual([]);
    expect(s.containers[1].resizePolicy).toEqual(resize);
  });

  it('finds the gates in use without touching the stored spec', () => {
    const old = spec((x) => {
      x.hostUsers = true;
      x.containers[0].securityContext = { procMount: 'Unmasked' };
    });
    const copy = JSON.stringify(old);
    expect([...gatesInUse(old, PROFILE)].sort()).toEqual(['ProcMountType', 'UserNamespacesSupport']);
    expect(JSON.stringify(old)).toBe(copy);
    expect(gatesInUse(undefined, PROFILE).size).toBe(0);
  });
});
