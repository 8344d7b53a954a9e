import { describe, expect, it } from 'vitest';
import { cli, folder, INVALID, VALID } from './_run';

/** `validate --jobs N` checks files on N threads; what it prints and returns must not depend on N. */
describe('validate --jobs', () => {
  const named = (yaml: string, name: string) => yaml.replace('name: agent\n', `name: ${name}\n`);
  const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';

  /** 40 files of several documents, valid, invalid and other kinds, in nested folders; some with an unparsable one when `broken`. */
  function mixed(broken: boolean, extra: Record<string, string | Buffer> = {}): string {
    const files: Record<string, string | Buffer> = { ...extra };
    for (let i = 0; i < 40; i++) {
      const docs = [named(VALID, `a${i}`), i % 3 === 0 ? named(INVALID, `b${i}`) : CONFIG_MAP, named(VALID, `c${i}`)];
      files[`${i % 4 === 0 ? 'sub/' : ''}f${String(i).padStart(2, '0')}.yaml`] =
        broken && i % 7 === 0 ? `${docs.join('---\n')}---\nbad: [1, 2\n` : docs.join('---\n');
    }
    return folder(files);
  }

  it.each([
    ['1 when some document is invalid', mixed(false), 1],
    [
      '0 when every document is valid',
      folder(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`v${i}.yaml`, named(VALID, `v${i}`)]))),
      0,
    ],
    ['2 when some document does not parse', mixed(true), 2],
    ['2 when a file is not UTF-8', mixed(false, { 'zz-latin1.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]) }), 2],
  ] as const)('prints the same report on 2 and 4 threads as on 1, and exits %s', (_what, dir, status) => {
    for (const output of ['json', 'text']) {
      const one = cli(['validate', '--output', output, '--jobs', '1', dir]);
      expect(one.status).toBe(status);
      expect(one.stdout.length).toBeGreaterThan(0);
      for (const jobs of ['2', '4']) {
        const many = cli(['validate', '--output', output, '--jobs', jobs, dir]);
        expect({ status: many.status, stdout: many.stdout, stderr: many.stderr }).toEqual({
          status: one.status,
          stdout: one.stdout,
          stderr: one.stderr,
        });
      }
    }
  });

  it('refuses a --jobs that is not a positive whole number', () => {
    const r = cli(['validate', '--jobs', '0', folder({ 'a.yaml': VALID })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs must be a positive whole number, got "0"/);
  });
});
