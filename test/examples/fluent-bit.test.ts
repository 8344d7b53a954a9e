import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { FluentBit } from '../../examples/fluent-bit';
import { vendorManifest } from './_vendor';

/* eslint-disable @typescript-eslint/no-explicit-any */

const chart = () => new FluentBit(Testing.app());
const manifest = (): any => chart().daemonSet.toJson();
const pod = (): any => manifest().spec.template.spec;
const container = (): any => pod().containers[0];
const objectOf = (kind: string): any =>
  chart()
    .toJson()
    .find((o: any) => o.kind === kind);
const vendor = vendorManifest('fluent-bit-elasticsearch.yaml');

describe('examples/fluent-bit', () => {
  it('matches its snapshot', () => {
    expect(chart().toJson()).toMatchSnapshot();
  });

  it('passes validation', () => {
    expect(chart().daemonSet.issues()).toEqual([]);
  });

  it("tails the node's logs, reading Docker's container logs read-only", () => {
    expect(container().volumeMounts.slice(0, 2)).toEqual([
      { name: 'varlog', mountPath: '/var/log' },
      { name: 'varlibdockercontainers', mountPath: '/var/lib/docker/containers', readOnly: true },
    ]);
    expect(objectOf('ConfigMap').data['input-kubernetes.conf']).toContain(
      'Path              /var/log/containers/*.log',
    );
  });

  it('reads its configuration from the ConfigMap the chart creates', () => {
    const c = chart();
    const configMap = c.toJson().find((o: any) => o.kind === 'ConfigMap');
    const spec = c.daemonSet.toJson().spec.template.spec;
    expect(spec.volumes).toContainEqual({ name: 'fluent-bit-config', configMap: { name: configMap.metadata.name } });
    expect(spec.containers[0].volumeMounts).toContainEqual({
      name: 'fluent-bit-config',
      mountPath: '/fluent-bit/etc/',
    });
    expect(Object.keys(configMap.data)).toContain('fluent-bit.conf');
    expect(configMap.metadata.namespace).toBe(c.daemonSet.toJson().metadata.namespace);
  });

  it('stamps records with the node name from the downward API', () => {
    expect(container().env).toContainEqual({
      name: 'NODE_NAME',
      valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
    });
    expect(objectOf('ConfigMap').data['filter-kubernetes.conf']).toContain('Record  node_name ${NODE_NAME}');
  });

  it('probes the HTTP server the configuration turns on', () => {
    const conf = objectOf('ConfigMap').data['fluent-bit.conf'];
    expect(conf).toMatch(/HTTP_Server +On/);
    expect(conf).toMatch(/HTTP_Port +2020/);
    expect(conf).toMatch(/Health_Check +On/);
    expect(container().ports).toEqual([{ name: 'http', containerPort: 2020 }]);
    expect(container().livenessProbe).toEqual({ httpGet: { path: '/', port: 'http' } });
    expect(container().readinessProbe).toEqual({ httpGet: { path: '/api/v1/health', port: 'http' } });
  });

  it('runs as a service account allowed to read pods and namespaces, with its token mounted', () => {
    expect(pod().serviceAccountName).toBe('fluent-bit');
    expect(pod().automountServiceAccountToken).toBe(true);
    const binding = objectOf('ClusterRoleBinding');
    expect(binding.subjects).toEqual([
      { apiGroup: '', kind: 'ServiceAccount', name: 'fluent-bit', namespace: 'logging' },
    ]);
    expect(binding.roleRef.name).toBe(objectOf('ClusterRole').metadata.name);
    expect(
      objectOf('ClusterRole')
        .rules.flatMap((r: any) => r.resources)
        .sort(),
    ).toEqual(['namespaces', 'pods']);
  });

  it('limits its memory', () => {
    expect(container().resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } });
  });

  it.skipIf(!vendor)("keeps the vendor's labels, annotations, tolerations and volumes", () => {
    const m = manifest();
    expect(m.metadata).toEqual(vendor.metadata);
    expect(m.spec.selector).toEqual(vendor.spec.selector);
    expect(m.spec.template.metadata).toEqual(vendor.spec.template.metadata);
    expect(m.spec.template.spec.tolerations).toEqual(vendor.spec.template.spec.tolerations);
    expect(m.spec.template.spec.volumes).toEqual(vendor.spec.template.spec.volumes);
    expect(m.spec.template.spec.terminationGracePeriodSeconds).toBe(
      vendor.spec.template.spec.terminationGracePeriodSeconds,
    );
  });
});
