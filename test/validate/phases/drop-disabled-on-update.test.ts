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

describe('dropDisabledFields on the stored spec it returns', () => {
  const at = (v: string, s: any, old?: any) =>
    dropDisabledFields(s, ['spec'], profileOf(v), old).map((i) => toFieldPath(i.path));
  const imageSpec = (): any => ({
    volumes: [
      { name: 'e', emptyDir: {} },
      { name: 'img', image: { reference: 'registry.example/data:1' } },
    ],
    initContainers: [{ name: 'i', image: 'i' }],
    containers: [
      {
        name: 'a',
        image: 'a',
        volumeMounts: [
          { name: 'e', mountPath: '/e' },
          { name: 'img', mountPath: '/img' },
        ],
      },
    ],
  });

  it('removes image volumes and their mounts only (dropImageVolumes, 1.33)', () => {
    const s = imageSpec();
    expect(at('1.33', s)).toEqual(['spec.volumes[1]', 'spec.containers[0].volumeMounts[1]']);
    expect(s.volumes).toEqual([{ name: 'e', emptyDir: {} }]);
    expect(s.containers[0].volumeMounts).toEqual([{ name: 'e', mountPath: '/e' }]);
    expect(s.initContainers[0].volumeMounts).toBeUndefined();
  });

  it('keeps image volumes when the stored spec has one (imageVolumesInUse), and leaves that spec alone', () => {
    const s = imageSpec();
    const old = imageSpec();
    expect(at('1.33', s, old)).toEqual([]);
    expect(s).toEqual(imageSpec());
    expect(old).toEqual(imageSpec());
  });

  it('keeps restart rules when the stored spec has them (1.34)', () => {
    const rules = [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }];
    const s = spec((x) => (x.containers[0].restartPolicyRules = rules));
    expect(
      at(
        '1.34',
        s,
        spec((x) => (x.containers[0].restartPolicyRules = rules)),
      ),
    ).toEqual([]);
    expect(s.containers[0].restartPolicyRules).toEqual(rules);
    // Without them in the stored spec, a container that sets nothing else gated loses them.
    expect(at('1.34', s)).toEqual(['spec.containers[0].restartPolicyRules']);
    expect(s.containers[0].restartPolicyRules).toBeUndefined();
  });

  it('drops the restartPolicy of an init container that sets no other gated field (1.28)', () => {
    const s = spec((x) => (x.initContainers = [{ name: 'i', image: 'i', restartPolicy: 'Always' }]));
    expect(at('1.28', s)).toEqual(['spec.initContainers[0].restartPolicy']);
    expect(s.initContainers[0]).toEqual({ name: 'i', image: 'i' });
  });

  it('drops a postStart sleep as well as a preStop one (1.29)', () => {
    const s = spec((x) => (x.containers[0].lifecycle = { postStart: { sleep: { seconds: 1 } } }));
    expect(at('1.29', s)).toEqual(['spec.containers[0].lifecycle.postStart.sleep']);
    expect(s.containers[0].lifecycle).toEqual({ postStart: {} });
  });

  it('stores procMount Default while ProcMountType is off (1.32)', () => {
    const s = spec((x) => (x.containers[0].securityContext = { procMount: 'Unmasked' }));
    expect(at('1.32', s)).toEqual(['spec.containers[0].securityContext.procMount']);
    expect(s.containers[0].securityContext).toEqual({ procMount: 'Default' });
  });

  it('removes the resource claims of a generic ephemeral volume, silently', () => {
    const s = spec((x) => {
      x.volumes = [
        {
          name: 'scratch',
          ephemeral: {
            volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Gi' }, claims: [{ name: 'x' }] } } },
          },
        },
      ];
    });
    expect(at('1.27', s)).toEqual([]);
    expect(s.volumes[0].ephemeral.volumeClaimTemplate.spec.resources).toEqual({ requests: { storage: '1Gi' } });
  });
});
