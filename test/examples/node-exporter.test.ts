import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { NodeExporter } from '../../examples/node-exporter';
import { vendorManifest } from './_vendor';

/* eslint-disable @typescript-eslint/no-explicit-any */

const chart = () => new NodeExporter(Testing.app());
const manifest = (): any => chart().daemonSet.toJson();
const pod = (): any => manifest().spec.template.spec;
const exporter = (): any => pod().containers.find((c: any) => c.name === 'node-exporter');
const vendor = vendorManifest('kube-prometheus-node-exporter.yaml');

describe('examples/node-exporter', () => {
  it('matches its snapshot', () => {
    expect(chart().toJson()).toMatchSnapshot();
  });

  it('passes validation', () => {
    expect(chart().daemonSet.issues()).toEqual([]);
  });

  it("runs in the node's network and process namespaces", () => {
    expect(pod()).toMatchObject({ hostNetwork: true, hostPID: true, dnsPolicy: 'ClusterFirst' });
  });

  it('reads /sys and the root filesystem read-only, seeing later host mounts', () => {
    expect(exporter().volumeMounts).toEqual([
      { name: 'sys', mountPath: '/host/sys', readOnly: true, mountPropagation: 'HostToContainer' },
      { name: 'root', mountPath: '/host/root', readOnly: true, mountPropagation: 'HostToContainer' },
    ]);
    expect(pod().volumes).toEqual([
      { name: 'sys', hostPath: { path: '/sys' } },
      { name: 'root', hostPath: { path: '/' } },
    ]);
  });

  it('reads /proc through the read-only root mount', () => {
    expect(exporter().args).toEqual(
      expect.arrayContaining(['--path.procfs=/host/root/proc', '--path.sysfs=/host/sys', '--path.rootfs=/host/root']),
    );
  });

  it('runs as nobody, with privilege escalation off and only SYS_TIME', () => {
    expect(pod().securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534 });
    expect(exporter().securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { add: ['SYS_TIME'], drop: ['ALL'] },
      readOnlyRootFilesystem: true,
    });
  });

  it("serves metrics on the node's port 9100 through kube-rbac-proxy only", () => {
    const ports = pod().containers.flatMap((c: any) => (c.ports ?? []).map((p: any) => ({ container: c.name, ...p })));
    expect(ports).toEqual([{ container: 'kube-rbac-proxy', name: 'https', containerPort: 9100, hostPort: 9100 }]);
    expect(exporter().args).toContain('--web.listen-address=127.0.0.1:9101');
  });

  it('tolerates every taint', () => {
    expect(pod().tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('lets its service account review tokens and access', () => {
    const role = chart()
      .toJson()
      .find((o: any) => o.kind === 'ClusterRole');
    expect(role.metadata.namespace).toBeUndefined();
    expect(role.rules.map((r: any) => [r.apiGroups, r.resources, r.verbs])).toEqual([
      [['authentication.k8s.io'], ['tokenreviews'], ['create']],
      [['authorization.k8s.io'], ['subjectaccessreviews'], ['create']],
    ]);
  });

  it.skipIf(!vendor)("synthesizes kube-prometheus's manifest, but for the explicit default DNS policy", () => {
    const expected = structuredClone(vendor);
    expected.spec.template.spec.dnsPolicy = 'ClusterFirst'; // NetworkMode.host() always writes one
    expect(manifest()).toEqual(expected);
  });
});
