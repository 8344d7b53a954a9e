import * as kplus from 'cdk8s-plus-27';
import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DaemonSet, EnvFrom, EnvValue, toYaml, Volume, VolumeProjection } from '../../src';

/** The volume as the manifest's YAML writes it. */
function written(v: Volume): any {
  const ds = new DaemonSet(new Chart(Testing.app(), 'c'), 'agent', {
    matchLabels: { app: 'agent' },
    containers: [{ name: 'agent', image: 'busybox:1.36' }],
    volumes: [v],
  });
  return parse(toYaml(ds.toJson())).spec.template.spec.volumes[0];
}

describe('projected volumes', () => {
  it('writes a service account token, the root CA and the namespace, as kube-api-access does', () => {
    const v = Volume.fromProjected('kube-api-access', {
      defaultMode: 0o644,
      sources: [
        VolumeProjection.serviceAccountToken({ path: 'token', expirationSeconds: 3607, audience: 'vault' }),
        VolumeProjection.configMap('kube-root-ca.crt', { items: [{ key: 'ca.crt', path: 'ca.crt' }] }),
        VolumeProjection.downwardApi([
          { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
        ]),
      ],
    });
    expect(written(v)).toEqual({
      name: 'kube-api-access',
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 3607, audience: 'vault' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          {
            downwardAPI: {
              items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
            },
          },
        ],
      },
    });
  });

  it('writes secret and cluster trust bundle sources', () => {
    const v = Volume.fromProjected('certs', {
      sources: [
        VolumeProjection.secret(kplus.Secret.fromSecretName(new Chart(Testing.app(), 'x'), 's', 'clustermesh'), {
          optional: true,
        }),
        VolumeProjection.clusterTrustBundle({ path: 'ca.pem', signerName: 'example.com/ca', labelSelector: {} }),
      ],
    });
    expect(written(v).projected.sources).toEqual([
      { secret: { name: 'clustermesh', optional: true } },
      { clusterTrustBundle: { path: 'ca.pem', signerName: 'example.com/ca', labelSelector: {} } },
    ]);
  });
});

describe('downwardAPI, csi, ephemeral and image volumes', () => {
  it('writes a downwardAPI volume with field and resource files', () => {
    const v = Volume.fromDownwardApi('podinfo', {
      defaultMode: 0o444,
      items: [
        { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
        {
          path: 'mem',
          resourceFieldRef: { containerName: 'agent', resource: 'limits.memory', divisor: '1Mi' },
          mode: 0o400,
        },
      ],
    });
    expect(written(v)).toEqual({
      name: 'podinfo',
      downwardAPI: {
        defaultMode: 292,
        items: [
          { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
          {
            path: 'mem',
            resourceFieldRef: { containerName: 'agent', resource: 'limits.memory', divisor: '1Mi' },
            mode: 256,
          },
        ],
      },
    });
  });

  it('writes an inline CSI volume with its node-publish secret by name', () => {
    const v = Volume.fromCsi('secrets', {
      driver: 'secrets-store.csi.k8s.io',
      readOnly: true,
      fsType: 'ext4',
      volumeAttributes: { secretProviderClass: 'vault-db' },
      nodePublishSecretRef: 'provider-creds',
    });
    expect(written(v)).toEqual({
      name: 'secrets',
      csi: {
        driver: 'secrets-store.csi.k8s.io',
        readOnly: true,
        fsType: 'ext4',
        volumeAttributes: { secretProviderClass: 'vault-db' },
        nodePublishSecretRef: { name: 'provider-creds' },
      },
    });
  });

  it('writes an ephemeral volume claim template', () => {
    const v = Volume.fromEphemeral('scratch', {
      metadata: { labels: { type: 'scratch' } },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'local', resources: { requests: { storage: '1Gi' } } },
    });
    expect(written(v)).toEqual({
      name: 'scratch',
      ephemeral: {
        volumeClaimTemplate: {
          metadata: { labels: { type: 'scratch' } },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: 'local',
            resources: { requests: { storage: '1Gi' } },
          },
        },
      },
    });
  });

  it('writes an image volume', () => {
    expect(written(Volume.fromImage('model', { reference: 'registry/model:1', pullPolicy: 'IfNotPresent' }))).toEqual({
      name: 'model',
      image: { reference: 'registry/model:1', pullPolicy: 'IfNotPresent' },
    });
  });

  it('passes validation for projected, downwardAPI, csi and ephemeral volumes', () => {
    const ds = new DaemonSet(new Chart(Testing.app(), 'c'), 'agent', {
      matchLabels: { app: 'agent' },
      containers: [{ name: 'agent', image: 'busybox:1.36' }],
      volumes: [
        Volume.fromProjected('p', { sources: [VolumeProjection.serviceAccountToken({ path: 'token' })] }),
        Volume.fromDownwardApi('d', { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] }),
        Volume.fromCsi('c', { driver: 'example.csi.io' }),
        Volume.fromEphemeral('e', {
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        }),
      ],
    });
    expect(ds.issues()).toEqual([]);
  });

  it('image volumes fail synth at Kubernetes 1.27, naming 1.31', () => {
    const ds = new DaemonSet(new Chart(Testing.app(), 'c'), 'agent', {
      matchLabels: { app: 'agent' },
      containers: [{ name: 'agent', image: 'busybox:1.36' }],
      volumes: [Volume.fromImage('model', { reference: 'registry/model:1' })],
    });
    const image = ds.issues().filter((i) => i.path.join('.') === 'spec.template.spec.volumes.0.image');
    expect(image.map((i) => i.message).join()).toContain('added in Kubernetes 1.31');
  });
});

describe('references by name', () => {
  it('writes ConfigMap, Secret and claim volumes given by name', () => {
    expect(written(Volume.fromConfigMap('config', 'fluent-bit-config')).configMap).toEqual({
      name: 'fluent-bit-config',
    });
    expect(written(Volume.fromSecret('tls', 'agent-tls')).secret).toEqual({ secretName: 'agent-tls' });
    expect(written(Volume.fromPersistentVolumeClaim('data', 'agent-data')).persistentVolumeClaim).toEqual({
      claimName: 'agent-data',
    });
  });

  it('writes env values and env sources given by name', () => {
    expect(EnvValue.fromSecret('db', 'password')._toKube('PW')).toEqual({
      name: 'PW',
      valueFrom: { secretKeyRef: { name: 'db', key: 'password', optional: undefined } },
    });
    expect(EnvValue.fromConfigMap('settings', 'level')._toKube('L')).toMatchObject({
      valueFrom: { configMapKeyRef: { name: 'settings', key: 'level' } },
    });
    expect(EnvFrom.configMap('settings')._toKube()).toMatchObject({ configMapRef: { name: 'settings' } });
    expect(EnvFrom.secret('creds')._toKube()).toMatchObject({ secretRef: { name: 'creds' } });
  });
});
