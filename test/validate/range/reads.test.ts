import { describe, expect, it } from 'vitest';
import { ProfileReads } from '../../../src/validate/range/reads';
import { profileOf, SUPPORTED_KUBERNETES_VERSIONS } from '../../../src/validate/versions';

const ALL = SUPPORTED_KUBERNETES_VERSIONS.map((v) => profileOf(v));
/** 1.28 and 1.29: SidecarContainers is off in the first, on in the second. */
const SIDECARS = [ALL[1], ALL[2]];

describe('ProfileReads', () => {
  it('logs the reads of a run between a mark and now, and forgets them all on clear', () => {
    const reads = new ProfileReads(SIDECARS);
    expect(reads.mark()).toBe(0);
    const [first] = reads.views;
    void first.gates.SidecarContainers;
    const mark = reads.mark();
    expect(reads.none(mark)).toBe(true);
    void first.gates.SidecarContainers;
    expect(reads.none(mark)).toBe(false);
    expect(reads.since(mark)).toHaveLength(1);
    expect(reads.since(0)).toHaveLength(2);
    reads.clear();
    expect(reads.mark()).toBe(0);
  });

  it('has minors agree on a read where their profiles hold the same value, the schema by identity', () => {
    const reads = new ProfileReads([ALL[0], ALL[1], ALL[7]]);
    const gate = reads.mark();
    void reads.views[0].gates.SidecarContainers;
    const sidecars = reads.since(gate);
    expect(reads.agree(sidecars, 0, 1)).toBe(true);
    expect(reads.agree(sidecars, 0, 2)).toBe(false);
    const schema = reads.mark();
    void reads.views[0].schema;
    expect(reads.agree(reads.since(schema), 0, 1)).toBe(false);
  });

  it("gives each minor a view with its profile's tables, keys enumerable", () => {
    const reads = new ProfileReads(SIDECARS);
    expect(Object.keys(reads.views[1].gates)).toEqual(Object.keys(SIDECARS[1].gates));
    expect({ ...reads.views[1].gates }).toEqual({ ...SIDECARS[1].gates });
    expect(reads.views[1].version).toBe(SIDECARS[1].version);
  });

  it('takes an empty list of minors', () => {
    expect(new ProfileReads([]).views).toEqual([]);
  });
});

describe('TrackedMemo', () => {
  it('answers like a Map', () => {
    const memo = new ProfileReads(SIDECARS).memo();
    const key = {};
    expect(memo.get(key)).toBeUndefined();
    memo.set(key, 1);
    expect(memo.has(key)).toBe(true);
    expect(memo.get(key)).toBe(1);
  });

  it('logs again, with a memoized value, the reads of its computation (memoized(): has, compute, set)', () => {
    const reads = new ProfileReads(SIDECARS);
    const memo = reads.memo();
    const key = {};
    expect(memo.has(key)).toBe(false);
    memo.set(key, reads.views[0].gates.SidecarContainers);
    const mark = reads.mark();
    expect(memo.get(key)).toBe(false);
    const replayed = reads.since(mark);
    const gate = reads.mark();
    void reads.views[0].gates.SidecarContainers;
    expect(replayed).toEqual(reads.since(gate));
    expect(reads.agree(replayed, 0, 1)).toBe(false);
  });

  it('lets minors that agree on the computation agree on the memoized value', () => {
    const reads = new ProfileReads([ALL[0], ALL[1]]);
    const memo = reads.memo();
    const key = {};
    if (!memo.has(key)) memo.set(key, reads.views[0].gates.SidecarContainers);
    const mark = reads.mark();
    memo.get(key);
    expect(reads.agree(reads.since(mark), 0, 1)).toBe(true);
  });

  it('counts a value set without a lookup first as read from every minor apart (its reads are unknown)', () => {
    const reads = new ProfileReads([ALL[0], ALL[1]]);
    const memo = reads.memo();
    const key = {};
    memo.set(key, 'computed elsewhere');
    const mark = reads.mark();
    expect(memo.get(key)).toBe('computed elsewhere');
    const replayed = reads.since(mark);
    // 1.27 and 1.28 hold the same value at most reads; not at this one.
    expect(replayed).toEqual(reads.unknown);
    expect(reads.agree(replayed, 0, 1)).toBe(false);
  });
});
