import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { toFieldPath, Volume } from '../src';
import { makeDaemonSet } from './support/synth';
import type { DaemonSet } from '../src';

// Each fault is reported once at synth: where a construct-side check explains a fault the
// engine also sees in the manifest, the construct's issue (which says how to fix it in the
// construct API) is kept and the engine's is dropped. The engine still reports it in YAML.

function lines(ds: DaemonSet): string[] {
  return ds.issues().map((i) => `${toFieldPath(i.path)} ${i.code}`);
}

const POD = 'spec.template.spec';

describe('one issue per fault at synth', () => {
  it('reports a DaemonSet without containers once', () => {
    const { ds } = makeDaemonSet({ containers: [] });
    expect(lines(ds).filter((l) => l.startsWith(`${POD}.containers `))).toEqual([`${POD}.containers container/none`]);
  });

  it('reports two volume objects with one name once', () => {
    const { ds } = makeDaemonSet();
    ds.containers[0].mount('/a', Volume.fromEmptyDir('x')).mount('/b', Volume.fromEmptyDir('x'));
    expect(lines(ds)).toEqual([`${POD}.volumes[1].name volume/name-reused`]);
  });

  it('reports an NFS address with a relative path once', () => {
    const { ds } = makeDaemonSet();
    ds.containers[0].mount('/data', Volume.fromNfs('share', 'server:relative'));
    expect(lines(ds)).toEqual([`${POD}.volumes[0].nfs volume/nfs-address-invalid`]);
  });

  it('reports an NFS address without a path once', () => {
    const { ds } = makeDaemonSet();
    ds.containers[0].mount('/data', Volume.fromNfs('share', '10.0.0.1'));
    expect(lines(ds)).toEqual([`${POD}.volumes[0].nfs volume/nfs-address-invalid`]);
  });

  it('still reports an engine fault under an explained path that the construct check does not explain', () => {
    const { ds } = makeDaemonSet();
    ds.containers[0].mount('/data', Volume.fromNfs('share', 'server:relative'));
    ds.addJsonPatch(JsonPatch.add('/spec/template/spec/volumes/0/nfs/readOnly', 'yes'));
    const found = lines(ds);
    expect(found).toContain(`${POD}.volumes[0].nfs volume/nfs-address-invalid`);
    expect(found.filter((l) => l.startsWith(`${POD}.volumes[0].nfs.readOnly `))).toHaveLength(1);
  });
});

describe('a mount of a volume with its own issue', () => {
  it('is not also reported "not found" at synth', () => {
    const { ds } = makeDaemonSet();
    ds.containers[0].mount('/data', Volume.fromHostPath('h', { path: '' }));
    expect(lines(ds).some((l) => l.includes('volume-mount/volume-not-found'))).toBe(false);
    expect(lines(ds)).toContain(`${POD}.volumes[0].hostPath.path volume/field-required`);
  });

  it('is still reported "not found" when an escape hatch mounts a volume the pod lacks', () => {
    const { ds } = makeDaemonSet();
    ds.addJsonPatch(
      JsonPatch.add('/spec/template/spec/containers/0/volumeMounts', [{ name: 'ghost', mountPath: '/x' }]),
    );
    expect(lines(ds)).toEqual([`${POD}.containers[0].volumeMounts[0].name volume-mount/volume-not-found`]);
  });
});
