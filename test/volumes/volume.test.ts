import * as kplus from 'cdk8s-plus-27';
import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Volume } from '../../src';
import { parseNfsAddress } from '../../src/volumes/nfs';

const chart = () => new Chart(Testing.app(), 'c');

describe('Volume sources', () => {
  it('writes a temporary directory as emptyDir {}', () => {
    expect(Volume.fromEmptyDir('tmp')._toKube()).toEqual({
      name: 'tmp',
      emptyDir: { medium: undefined, sizeLimit: undefined },
    });
  });

  it('writes emptyDir medium and size limit', () => {
    expect(Volume.fromEmptyDir('shm', { medium: 'Memory', sizeLimit: '64Mi' })._toKube()).toEqual({
      name: 'shm',
      emptyDir: { medium: 'Memory', sizeLimit: '64Mi' },
    });
  });

  it('writes hostPath with and without a type', () => {
    expect(Volume.fromHostPath('sock', { path: '/run/containerd/containerd.sock', type: 'Socket' })._toKube()).toEqual({
      name: 'sock',
      hostPath: { path: '/run/containerd/containerd.sock', type: 'Socket' },
    });
    expect(JSON.parse(JSON.stringify(Volume.fromHostPath('log', { path: '/var/log' })._toKube()))).toEqual({
      name: 'log',
      hostPath: { path: '/var/log' },
    });
  });

  it('splits the console NFS address into server and path', () => {
    expect(
      JSON.parse(JSON.stringify(Volume.fromNfs('share', '127.0.0.1:/data', { readOnly: true })._toKube())),
    ).toEqual({ name: 'share', nfs: { server: '127.0.0.1', path: '/data', readOnly: true } });
  });

  it('writes ConfigMap volumes with items, modes and optional', () => {
    const cm = kplus.ConfigMap.fromConfigMapName(chart(), 'cm', 'fluent-bit-config');
    const v = Volume.fromConfigMap('config', cm, {
      items: [{ key: 'fluent-bit.conf', path: 'fluent-bit.conf', mode: 0o400 }],
      defaultMode: 0o644,
      optional: false,
    });
    expect(JSON.parse(JSON.stringify(v._toKube()))).toEqual({
      name: 'config',
      configMap: {
        name: 'fluent-bit-config',
        items: [{ key: 'fluent-bit.conf', path: 'fluent-bit.conf', mode: 256 }],
        defaultMode: 420,
        optional: false,
      },
    });
  });

  it('writes Secret volumes with secretName', () => {
    const s = kplus.Secret.fromSecretName(chart(), 's', 'tls');
    expect(JSON.parse(JSON.stringify(Volume.fromSecret('certs', s, { defaultMode: 0o400 })._toKube()))).toEqual({
      name: 'certs',
      secret: { secretName: 'tls', defaultMode: 256 },
    });
  });

  it('writes PVC volumes (the console cloud disk) with claimName', () => {
    const c = chart();
    const pvc = new kplus.PersistentVolumeClaim(c, 'pvc', { metadata: { name: 'cbs-disk' } });
    expect(
      JSON.parse(JSON.stringify(Volume.fromPersistentVolumeClaim('disk', pvc, { readOnly: true })._toKube())),
    ).toEqual({ name: 'disk', persistentVolumeClaim: { claimName: 'cbs-disk', readOnly: true } });
  });

  it('exposes name and kind', () => {
    const v = Volume.fromHostPath('x', { path: '/x' });
    expect([v.name, v.kind]).toEqual(['x', 'hostPath']);
  });
});

describe('parseNfsAddress', () => {
  it.each([
    ['10.0.0.1:/exports/data', { server: '10.0.0.1', path: '/exports/data' }],
    ['nfs.example.com:/', { server: 'nfs.example.com', path: '/' }],
    ['[fd00::1]:/data', { server: '[fd00::1]', path: '/data' }],
    ['10.0.0.1:data', { server: '10.0.0.1', path: 'data' }],
    ['10.0.0.1', { server: '10.0.0.1', path: '' }],
  ])('splits %s', (address, expected) => {
    expect(parseNfsAddress(address)).toEqual(expected);
  });
});

describe('NFS address problems', () => {
  it.each(['10.0.0.1:/data', 'nfs.example.com:/', '[fd00::1]:/data'])('accepts %s', (a) => {
    expect(Volume.fromNfs('v', a)._problems).toEqual([]);
  });

  it.each(['10.0.0.1', '10.0.0.1:data', ':/data'])('refuses %s', (a) => {
    expect(Volume.fromNfs('v', a)._problems.map((p) => p.code)).toEqual(['volume/nfs-address-invalid']);
  });
});
