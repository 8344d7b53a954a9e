import { describe, expect, it } from 'vitest';
import { compareIssues, comparePaths, formatIssue, type Issue, key, prefixIssues } from '../../src/validate/issue';

const issue = (path: Issue['path'], code = 'c/x', message = 'm'): Issue => ({ path, code, message });

describe('formatIssue', () => {
  it('prints the field path, message and code on one line', () => {
    const i = issue(
      ['spec', 'template', 'spec', 'containers', 0, 'name'],
      'container/name-invalid',
      'must be a DNS label',
    );
    expect(formatIssue(i)).toBe('spec.template.spec.containers[0].name: must be a DNS label [container/name-invalid]');
  });

  it('puts the location (construct path, file:line:col) first', () => {
    expect(formatIssue(issue(['apiVersion'], 'manifest/api-version', 'wrong'), 'agent/ds')).toBe(
      'agent/ds apiVersion: wrong [manifest/api-version]',
    );
  });

  it('names the whole document when the path is empty', () => {
    expect(formatIssue(issue([], 'manifest/kind-unsupported', 'expected a DaemonSet'))).toBe(
      '(document): expected a DaemonSet [manifest/kind-unsupported]',
    );
    expect(formatIssue(issue([], 'manifest/kind-unsupported', 'x'), 'a.yaml:1:1')).toBe(
      'a.yaml:1:1 (document): x [manifest/kind-unsupported]',
    );
  });
});

describe('prefixIssues', () => {
  it('puts the prefix before each path and keeps code and message', () => {
    const child = [issue(['name'], 'c/a', 'first'), issue([0, key('cpu')], 'c/b', 'second')];
    expect(prefixIssues(['spec', 'containers', 1], child)).toEqual([
      issue(['spec', 'containers', 1, 'name'], 'c/a', 'first'),
      issue(['spec', 'containers', 1, 0, key('cpu')], 'c/b', 'second'),
    ]);
  });
});

describe('comparePaths: document order', () => {
  const sorted = (...paths: Issue['path'][]) => [...paths].sort(comparePaths);

  it('puts a parent before its children, whatever the child is called', () => {
    expect(comparePaths(['spec'], ['spec', 'a'])).toBeLessThan(0);
    expect(comparePaths(['spec', 'a'], ['spec'])).toBeGreaterThan(0);
    expect(sorted(['spec', 'zeta'], ['spec', 'a', 'b'], ['spec'], ['spec', 'a'])).toEqual([
      ['spec'],
      ['spec', 'a'],
      ['spec', 'a', 'b'],
      ['spec', 'zeta'],
    ]);
  });

  it('orders field names alphabetically and list indexes numerically', () => {
    expect(comparePaths(['b'], ['a'])).toBeGreaterThan(0);
    expect(comparePaths(['a'], ['b'])).toBeLessThan(0);
    expect(comparePaths(['c', 2], ['c', 10])).toBeLessThan(0);
    expect(comparePaths(['c', 10], ['c', 2])).toBeGreaterThan(0);
  });

  it('orders map keys by their text', () => {
    expect(sorted(['limits', key('memory')], ['limits', key('cpu')])).toEqual([
      ['limits', key('cpu')],
      ['limits', key('memory')],
    ]);
    expect(comparePaths(['limits', key('cpu')], ['limits', key('memory')])).toBeLessThan(0);
  });

  it('finds two paths with equal segments equal, map keys included', () => {
    expect(comparePaths(['limits', key('cpu')], ['limits', key('cpu')])).toBe(0);
    expect(comparePaths(['c', 1, 'name'], ['c', 1, 'name'])).toBe(0);
  });

  it('compares an index with a name by their text rather than failing (a number is not NaN-compared)', () => {
    // A list and a map at the same place cannot both exist, but the order must stay total.
    expect(comparePaths(['x', 2], ['x', 'b'])).toBeLessThan(0);
    expect(comparePaths(['x', 'b'], ['x', 2])).toBeGreaterThan(0);
  });
});

describe('compareIssues', () => {
  it('orders issues at one path by code, then by message', () => {
    const a = issue(['spec'], 'a/code', 'zz');
    const b1 = issue(['spec'], 'b/code', 'aa');
    const b2 = issue(['spec'], 'b/code', 'bb');
    expect([b2, b1, a].sort(compareIssues)).toEqual([a, b1, b2]);
    expect([b1, b2, a].sort(compareIssues)).toEqual([a, b1, b2]);
    expect(compareIssues(b1, b2)).toBeLessThan(0);
    expect(compareIssues(b2, b1)).toBeGreaterThan(0);
    expect(compareIssues(a, b1)).toBeLessThan(0);
    expect(compareIssues(b1, a)).toBeGreaterThan(0);
  });

  it('finds two issues with equal path, code and message equal', () => {
    expect(compareIssues(issue(['spec', 0], 'c/x', 'm'), issue(['spec', 0], 'c/x', 'm'))).toBe(0);
  });

  it('orders by path before code', () => {
    expect(compareIssues(issue(['a'], 'z/z'), issue(['b'], 'a/a'))).toBeLessThan(0);
  });
});
