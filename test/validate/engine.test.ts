import { describe, expect, it } from 'vitest';
import { isValidatedKind, validateManifest } from '../../src/validate/engine';
import type { Rule } from '../../src/validate/rule';
import { compareIssues, key, toFieldPath } from '../../src/validate/issue';
import { daemonSet, issuesOf } from '../support/manifest';

describe('engine', () => {
  it('accepts a minimal DaemonSet', () => {
    expect(issuesOf(daemonSet())).toEqual([]);
  });

  it('reports other kinds as unsupported', () => {
    expect(issuesOf({ apiVersion: 'apps/v1', kind: 'Deployment' })).toEqual([' manifest/kind-unsupported']);
  });

  it('reports a DaemonSet at an apiVersion no longer served on apiVersion, naming the removal', () => {
    const issues = validateManifest({ ...daemonSet(), apiVersion: 'extensions/v1beta1' });
    expect(issues.map((i) => [toFieldPath(i.path), i.code])).toEqual([['apiVersion', 'manifest/api-version']]);
    expect(issues[0].message).toBe(
      'DaemonSet is served as apps/v1, got "extensions/v1beta1" (removed in Kubernetes 1.16)',
    );
    expect(validateManifest({ ...daemonSet(), apiVersion: 'v1' })[0].message).toBe(
      'DaemonSet is served as apps/v1, got "v1"',
    );
  });

  it('hands every rule its node and path, and sorts issues by path', () => {
    const seen: string[] = [];
    const issues = validateManifest(
      daemonSet((_ds, pod) => {
        pod.containers.push({ name: 'b' });
        pod.volumes = [{ name: 'v' }];
      }),
      [
        {
          volume: [(_n, path) => [{ path: [...path, 'name'], code: 't/v', message: 'v' }]],
          container: [
            (_n, path, ctx) => {
              seen.push(`${ctx.containerList}`);
              return [{ path: [...path, 'name'], code: 't/c', message: 'c' }];
            },
          ],
          objectMeta: [
            (_n, path, ctx) => {
              seen.push(`${ctx.metadataOf}:${toFieldPath(path)}`);
              return [];
            },
          ],
        },
      ],
    );
    expect(issues.map((i) => toFieldPath(i.path))).toEqual([
      'spec.template.spec.containers[0].name',
      'spec.template.spec.containers[1].name',
      'spec.template.spec.volumes[0].name',
    ]);
    expect(seen).toEqual(['object:metadata', 'podTemplate:spec.template.metadata', 'containers', 'containers']);
  });

  it('renders map keys in brackets and sorts indexes numerically', () => {
    expect(toFieldPath(['spec', 'containers', 0, 'resources', 'limits', key('nvidia.com/gpu')])).toBe(
      'spec.containers[0].resources.limits[nvidia.com/gpu]',
    );
    const a = { path: ['c', 10], code: 'x', message: '' };
    const b = { path: ['c', 2], code: 'x', message: '' };
    expect([a, b].sort(compareIssues)).toEqual([b, a]);
  });

  it('names the kinds it checks when given another one', () => {
    expect(validateManifest({ apiVersion: 'apps/v1', kind: 'Deployment' })[0].message).toBe(
      'expected apps/v1 DaemonSet or v1 Pod, got apiVersion "apps/v1" kind "Deployment"',
    );
  });

  it('checks nothing in a document without kind or apiVersion', () => {
    expect(isValidatedKind({})).toBe(false);
    expect(validateManifest({}).map((i) => [toFieldPath(i.path), i.code, i.message])).toEqual([
      [
        '',
        'manifest/kind-unsupported',
        'expected apps/v1 DaemonSet or v1 Pod, got apiVersion undefined kind undefined',
      ],
    ]);
  });

  it('names the removal of apps/v1beta2 too, and none for a Pod at a wrong apiVersion', () => {
    expect(validateManifest({ ...daemonSet(), apiVersion: 'apps/v1beta2' })[0].message).toBe(
      'DaemonSet is served as apps/v1, got "apps/v1beta2" (removed in Kubernetes 1.16)',
    );
    const pod = { apiVersion: 'apps/v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } };
    expect(validateManifest(pod).map((i) => [toFieldPath(i.path), i.code, i.message])).toEqual([
      ['apiVersion', 'manifest/api-version', 'Pod is served as v1, got "apps/v1"'],
    ]);
  });

  it('hands manifest rules the root path and a Pod’s metadata rules only its own metadata', () => {
    const seen: string[] = [];
    const atRoot: Rule = (_n, path) => [{ path: [...path, 'kind'], code: 't/m', message: 'm' }];
    const meta: Rule = (_n, path, ctx) => {
      seen.push(`${ctx.metadataOf}:${toFieldPath(path)}`);
      return [];
    };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } };
    expect(validateManifest(pod, [{ manifest: [atRoot], objectMeta: [meta] }]).map((i) => toFieldPath(i.path))).toEqual(
      ['kind'],
    );
    expect(seen).toEqual(['object:metadata']);
  });

  it('skips the holes of a sparse volume list built in code', () => {
    const seen: string[] = [];
    const volumes: unknown[] = [];
    volumes[1] = { name: 'v' };
    validateManifest(
      daemonSet((_ds, pod) => (pod.volumes = volumes)),
      [
        {
          volume: [
            (_n, path) => {
              seen.push(toFieldPath(path));
              return [];
            },
          ],
        },
      ],
    );
    expect(seen).toEqual(['spec.template.spec.volumes[1]']);
  });

  it('skips the holes of a sparse container list built in code', () => {
    const seen: string[] = [];
    const containers: unknown[] = [];
    containers[1] = { name: 'c', image: 'i' };
    validateManifest(
      daemonSet((_ds, pod) => (pod.containers = containers)),
      [
        {
          container: [
            (_n, path) => {
              seen.push(toFieldPath(path));
              return [];
            },
          ],
        },
      ],
    );
    expect(seen).toEqual(['spec.template.spec.containers[1]']);
  });
});
