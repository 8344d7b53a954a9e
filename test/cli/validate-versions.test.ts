import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, folder, VALID } from './_run';

// A net.* sysctl with hostNetwork: accepted up to 1.28, rejected from 1.29 (validateSysctls).
const SYSCTL = VALID.replace(
  '    spec:\n',
  '    spec:\n      hostNetwork: true\n      securityContext: {sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "0"}]}\n',
);
// A sidecar (init restartPolicy Always): unknown in 1.27, kept from 1.29.
const SIDECAR = VALID.replace(
  '    spec:\n',
  '    spec:\n      initContainers: [{name: proxy, image: proxy:1.0, restartPolicy: Always}]\n',
);
const MASTER_SELECTOR = VALID.replace(
  '    spec:\n',
  '    spec:\n      nodeSelector: {node-role.kubernetes.io/master: ""}\n',
);

describe('cdk8s-daemonset validate --kubernetes-version', () => {
  it('checks for 1.27 by default and says so', () => {
    const dir = folder({ 'a.yaml': SIDECAR });
    const r = cli(['validate', path.join(dir, 'a.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'unknown field "spec.template.spec.initContainers[0].restartPolicy": added in Kubernetes 1.28, this app targets 1.27',
    );
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 document: 0 valid, 1 invalid, 0 skipped (Kubernetes 1.27)');
  });

  it('accepts x.y.z and checks its minor', () => {
    const dir = folder({ 'a.yaml': SIDECAR });
    const r = cli(['validate', '--kubernetes-version', '1.31.4', path.join(dir, 'a.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('1 document: 1 valid, 0 invalid, 0 skipped (Kubernetes 1.31)\n');
  });

  it('rejects what a later minor rejects', () => {
    const dir = folder({ 'a.yaml': SYSCTL });
    expect(cli(['validate', '--kubernetes-version', '1.28', path.join(dir, 'a.yaml')]).status).toBe(0);
    const r = cli(['validate', '--kubernetes-version', '1.29', path.join(dir, 'a.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('spec.template.spec.securityContext.sysctls[0].name: ');
  });

  it('is a usage error for an unsupported version, listing the supported ones', () => {
    const dir = folder({ 'a.yaml': VALID });
    const r = cli(['validate', '--kubernetes-version', '1.26', path.join(dir, 'a.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('use one of 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34');
  });

  it('prints warnings without failing, and puts them in JSON results with the version', () => {
    const dir = folder({ 'a.yaml': MASTER_SELECTOR });
    const text = cli(['validate', '--kubernetes-version', '1.31', path.join(dir, 'a.yaml')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      'warning: spec.template.spec.nodeSelector[node-role.kubernetes.io/master]: use "node-role.kubernetes.io/control-plane" instead [warning/deprecated-node-label]',
    );
    const json = cli(['validate', '--kubernetes-version', '1.31', '--output', 'json', path.join(dir, 'a.yaml')]);
    expect(json.status).toBe(0);
    const [result] = JSON.parse(json.stdout).results;
    expect(result.kubernetesVersion).toBe('1.31');
    expect(result.warnings).toEqual([
      {
        path: 'spec.template.spec.nodeSelector[node-role.kubernetes.io/master]',
        code: 'warning/deprecated-node-label',
        message: 'use "node-role.kubernetes.io/control-plane" instead',
        line: expect.any(Number),
        column: expect.any(Number),
      },
    ]);
  });

  it('checks a range: which minors accept each document, per minor in byVersion', () => {
    const dir = folder({ 'a.yaml': SYSCTL });
    const text = cli(['validate', '--kubernetes-version', '1.27-1.34', path.join(dir, 'a.yaml')]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('(accepted by 1.27-1.28; rejected by 1.29-1.34)');
    expect(text.stdout).toContain('(in 1.29-1.34)');
    const json = cli(['validate', '--kubernetes-version', '1.28-1.30', '--output', 'json', path.join(dir, 'a.yaml')]);
    const [result] = JSON.parse(json.stdout).results;
    expect(result.kubernetesVersion).toBe('1.28-1.30');
    expect(Object.keys(result.byVersion)).toEqual(['1.28', '1.29', '1.30']);
    expect(result.byVersion['1.28']).toEqual({ valid: true, errors: [], warnings: [] });
    expect(result.byVersion['1.29'].valid).toBe(false);
    expect(result.errors[0].versions).toBe('1.29-1.30');
  });
});
