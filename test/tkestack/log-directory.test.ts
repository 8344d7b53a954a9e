import { describe, expect, it } from 'vitest';
import { toFieldPath, Volume } from '../../src';
import { makeDaemonSet, manifestOf } from '../support/synth';

const ANNOTATION = 'log.tke.cloud.tencent.com/log-dir';

describe('TKEStack log directory', () => {
  it('writes a JSON annotation mapping containers to their log directories', () => {
    const data = Volume.fromEmptyDir('data');
    const { ds } = makeDaemonSet({
      containers: [
        { name: 'app', image: 'a:1', logDirectory: '/data/logs', volumeMounts: [{ path: '/data', volume: data }] },
        { name: 'sidecar', image: 'b:1' },
        {
          name: 'web',
          image: 'c:1',
          logDirectory: '/var/log/nginx',
          volumeMounts: [{ path: '/var/log/nginx', volume: Volume.fromEmptyDir('nginx') }],
        },
      ],
    });
    expect(manifestOf(ds).spec.template.metadata.annotations[ANNOTATION]).toBe(
      '{"app":"/data/logs","web":"/var/log/nginx"}',
    );
    expect(ds.issues()).toEqual([]);
  });

  it('refuses a directory that is on no mounted volume', () => {
    const { ds } = makeDaemonSet({
      containers: [
        {
          name: 'app',
          image: 'a:1',
          logDirectory: '/datalogs',
          volumeMounts: [{ path: '/data', volume: Volume.fromEmptyDir('d') }],
        },
      ],
    });
    const issues = ds.issues();
    expect(issues.map((i) => `${toFieldPath(i.path)} ${i.code}`)).toEqual([
      `spec.template.metadata.annotations[${ANNOTATION}] log-directory/not-on-volume`,
    ]);
    expect(issues[0].message).toContain('mount a volume at /datalogs or a parent of it');
  });

  it('refuses a relative directory', () => {
    const { ds } = makeDaemonSet({ containers: [{ name: 'app', image: 'a:1', logDirectory: 'logs' }] });
    expect(ds.issues().map((i) => i.code)).toEqual(['log-directory/invalid']);
  });

  it('writes nothing when no container sets a log directory', () => {
    expect(manifestOf(makeDaemonSet().ds).spec.template.metadata).not.toHaveProperty('annotations');
  });
});
