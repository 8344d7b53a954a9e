import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { CsiNodePlugin } from '../../examples/csi-node-plugin';
import { vendorManifest } from './_vendor';

/* eslint-disable @typescript-eslint/no-explicit-any */

const chart = () => new CsiNodePlugin(Testing.app());
const manifest = (): any => chart().daemonSet.toJson();
const pod = (): any => manifest().spec.template.spec;
const container = (name: string): any => pod().containers.find((c: any) => c.name === name);
const vendor = vendorManifest('csi-driver-nfs-node.yaml');

describe('examples/csi-node-plugin', () => {
  it('matches its snapshot', () => {
    expect(chart().toJson()).toMatchSnapshot();
  });

  it('passes validation', () => {
    expect(chart().daemonSet.issues()).toEqual([]);
  });

  it('mounts pod folders with Bidirectional propagation from a privileged driver container', () => {
    const nfs = container('nfs');
    expect(nfs.securityContext.privileged).toBe(true);
    expect(nfs.volumeMounts).toContainEqual({
      name: 'pods-mount-dir',
      mountPath: '/var/lib/kubelet/pods',
      mountPropagation: 'Bidirectional',
    });
    expect(pod().volumes).toContainEqual({
      name: 'pods-mount-dir',
      hostPath: { path: '/var/lib/kubelet/pods', type: 'Directory' },
    });
  });

  it('propagates mounts from no other container', () => {
    const others = pod().containers.filter((c: any) => c.name !== 'nfs');
    expect(others.flatMap((c: any) => c.volumeMounts).filter((m: any) => m.mountPropagation !== undefined)).toEqual([]);
    expect(others.map((c: any) => c.securityContext)).toEqual([
      { capabilities: { drop: ['ALL'] } },
      { capabilities: { drop: ['ALL'] } },
    ]);
  });

  it('registers the driver socket with the kubelet through the plugin registry', () => {
    const registrar = container('node-driver-registrar');
    expect(registrar.volumeMounts).toEqual([
      { name: 'socket-dir', mountPath: '/csi' },
      { name: 'registration-dir', mountPath: '/registration' },
    ]);
    expect(pod().volumes).toContainEqual({
      name: 'registration-dir',
      hostPath: { path: '/var/lib/kubelet/plugins_registry', type: 'Directory' },
    });
    expect(pod().volumes).toContainEqual({
      name: 'socket-dir',
      hostPath: { path: '/var/lib/kubelet/plugins/csi-nfsplugin', type: 'DirectoryOrCreate' },
    });
    expect(registrar.env).toContainEqual({
      name: 'DRIVER_REG_SOCK_PATH',
      value: '/var/lib/kubelet/plugins/csi-nfsplugin/csi.sock',
    });
  });

  it('gives the driver its node name from the downward API and its CSI endpoint', () => {
    expect(container('nfs').env).toEqual([
      { name: 'NODE_ID', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'CSI_ENDPOINT', value: 'unix:///csi/csi.sock' },
    ]);
  });

  it("probes the driver through the liveness-probe sidecar's endpoint", () => {
    expect(container('liveness-probe').args).toContain('--http-endpoint=localhost:29653');
    expect(container('nfs').livenessProbe.httpGet).toEqual({ host: 'localhost', path: '/healthz', port: 29653 });
  });

  it('uses the service account it creates, whose token stays unmounted', () => {
    const c = chart();
    expect(c.daemonSet.toJson().spec.template.spec.serviceAccountName).toBe('csi-nfs-node-sa');
    expect(c.toJson().find((o: any) => o.kind === 'ServiceAccount')).toMatchObject({
      kind: 'ServiceAccount',
      metadata: { name: 'csi-nfs-node-sa', namespace: 'kube-system' },
      automountServiceAccountToken: false,
    });
  });

  it.skipIf(!vendor)("synthesizes csi-driver-nfs's node manifest, but for a released driver image", () => {
    const expected = structuredClone(vendor);
    const nfs = expected.spec.template.spec.containers.find((c: any) => c.name === 'nfs');
    expect(nfs.image).toBe('gcr.io/k8s-staging-sig-storage/nfsplugin:canary');
    nfs.image = 'registry.k8s.io/sig-storage/nfsplugin:v4.13.5';
    expect(manifest()).toEqual(expected);
  });
});
