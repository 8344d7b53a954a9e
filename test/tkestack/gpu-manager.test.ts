import { describe, expect, it } from 'vitest';
import { Gpu, toFieldPath } from '../../src';
import { makeDaemonSet, manifestOf } from '../support/synth';

function issuesFor(core: number, memory?: number): string[] {
  const { ds } = makeDaemonSet({
    containers: [{ name: 'a', image: 'a:1', resources: { gpu: Gpu.vcuda({ core, memory }) } }],
  });
  return ds.issues().map((i) => `${toFieldPath(i.path)} ${i.code}`);
}

const CORE = 'spec.template.spec.containers[0].resources.limits[tencent.com/vcuda-core]';
const MEMORY = 'spec.template.spec.containers[0].resources.limits[tencent.com/vcuda-memory]';

describe('GPU Manager shares', () => {
  it('accepts a share of one card with memory', () => {
    expect(issuesFor(50, 16)).toEqual([]);
  });

  it('accepts whole cards without memory', () => {
    expect(issuesFor(100)).toEqual([]);
    expect(issuesFor(200)).toEqual([]);
  });

  it('refuses more than one card that is not whole cards', () => {
    expect(issuesFor(150, 4)).toEqual([`${CORE} gpu/vcuda-core-not-whole-cards`]);
  });

  it('refuses a share without memory', () => {
    expect(issuesFor(30)).toEqual([`${MEMORY} gpu/vcuda-memory-required`]);
  });

  it('refuses fractional and zero amounts', () => {
    expect(issuesFor(0, 1)).toContain(`${CORE} gpu/vcuda-core-invalid`);
    expect(issuesFor(50, 0)).toEqual([`${MEMORY} gpu/vcuda-memory-invalid`]);
    // A fraction is refused by the API server's own rule for extended resources (at the limit
    // and at the request, both written), not a second time by GPU Manager's.
    expect(issuesFor(50, 0.5)).toEqual([
      `${MEMORY} resources/quantity-not-integer`,
      `${MEMORY.replace('limits', 'requests')} resources/quantity-not-integer`,
    ]);
  });

  it('writes the core limit annotation as a string', () => {
    const { ds } = makeDaemonSet({
      vcudaCoreLimit: 80,
      containers: [{ name: 'a', image: 'a:1', resources: { gpu: Gpu.vcuda({ core: 50, memory: 16 }) } }],
    });
    expect(manifestOf(ds).spec.template.metadata.annotations).toEqual({ 'tencent.com/vcuda-core-limit': '80' });
  });

  it('refuses a core limit above 100', () => {
    const { ds } = makeDaemonSet({ vcudaCoreLimit: 150 });
    expect(ds.issues().map((i) => `${toFieldPath(i.path)} ${i.code}`)).toEqual([
      'spec.template.metadata.annotations[tencent.com/vcuda-core-limit] gpu/vcuda-core-limit-invalid',
    ]);
  });
});
