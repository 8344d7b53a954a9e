import { describe, expect, it } from 'vitest';
import { defaultImagePullPolicy, parseImageReference } from '../src';
import { containerOf, makeDaemonSet } from './support/synth';

describe('image pull policy default', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry:5000/nginx', 'Always'],
    ['registry:5000/nginx:1.25', 'IfNotPresent'],
    ['registry:5000/nginx:latest', 'Always'],
    ['nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', 'IfNotPresent'],
    ['nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', 'Always'],
    ['registry:5000/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', 'IfNotPresent'],
  ])('pins %s to %s', (image, policy) => {
    expect(defaultImagePullPolicy(image)).toBe(policy);
  });

  it('treats an empty console tag as latest', () => {
    const { ds } = makeDaemonSet({ containers: [{ name: 'a', image: 'nginx', tag: '' }] });
    expect(ds.containers[0].imagePullPolicy).toBe('Always');
    expect(containerOf(ds).image).toBe('nginx');
  });

  it('appends the console tag to the image', () => {
    const { ds } = makeDaemonSet({ containers: [{ name: 'a', image: 'registry:5000/nginx', tag: '1.25' }] });
    expect(containerOf(ds).image).toBe('registry:5000/nginx:1.25');
    expect(ds.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('does not write the default policy, which the API server applies identically', () => {
    const { ds } = makeDaemonSet({ containers: [{ name: 'a', image: 'nginx:1.25' }] });
    expect(containerOf(ds)).not.toHaveProperty('imagePullPolicy');
  });

  it('writes and exposes an explicit policy', () => {
    const { ds } = makeDaemonSet({ containers: [{ name: 'a', image: 'nginx', imagePullPolicy: 'Never' }] });
    expect(containerOf(ds).imagePullPolicy).toBe('Never');
    expect(ds.containers[0].imagePullPolicy).toBe('Never');
  });

  it('reports a tag given both in the image and separately', () => {
    const { ds } = makeDaemonSet({ containers: [{ name: 'a', image: 'nginx:1.25', tag: '1.26' }] });
    expect(ds.issues().map((i) => i.code)).toContain('image/tag-given-twice');
  });
});

describe('parseImageReference', () => {
  it('keeps a registry port out of the tag', () => {
    expect(parseImageReference('registry:5000/team/agent')).toEqual({ repository: 'registry:5000/team/agent' });
  });

  it('splits tag and digest', () => {
    expect(parseImageReference('r:5000/a:1.0@sha256:abc')).toEqual({
      repository: 'r:5000/a',
      tag: '1.0',
      digest: 'sha256:abc',
    });
  });
});
