import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, folder, VALID } from './_run';

/** Hostile input: every case ends with a clear error, exit 2, and no crash or hang. */
describe('validate on hostile input', () => {
  const json = (args: string[], input: string | Buffer) => {
    const r = cli(['validate', '--output', 'json', ...args, '-'], { input, maxOldSpaceMb: 512 });
    expect(r.stderr).not.toMatch(/internal error|RangeError|heap out of memory/);
    return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
  };

  it('refuses an alias bomb', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const r = json([], `${levels.join('\n')}\n`);
    expect(r.status).toBe(2);
    expect(r.report.results[0].errors[0].message).toMatch(/alias/i);
  });

  it('refuses nesting 10,000 deep, in flow and block style', () => {
    for (const text of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      `${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`,
    ]) {
      const r = json([], text);
      expect(r.status).toBe(2);
      expect(r.report.results[0].status).toBe('unreadable');
      expect(r.report.results[0].errors[0].path).toBe('');
    }
  });

  it('refuses a 50 MB file with a size message', () => {
    const big = `${VALID}---\n${'# padding\n'.repeat(5_300_000)}`;
    const dir = folder({ 'big.yaml': big });
    const r = cli(['validate', '--output', 'json', path.join(dir, 'big.yaml')], { maxOldSpaceMb: 512 });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).results[0].errors[0].message).toMatch(/MiB, over the 16\.0 MiB limit/);
  });

  it('refuses a 50 MB standard input with a size message', () => {
    const r = json([], Buffer.alloc(50 * 1024 * 1024, 'a'));
    expect(r.status).toBe(2);
    expect(r.report.results[0].errors[0].message).toMatch(/over the 16\.0 MiB limit/);
  });

  it('refuses duplicate keys, as kubectl does', () => {
    const r = json([], VALID.replace('name: agent\nspec', 'name: agent\n  name: other\nspec'));
    expect(r.status).toBe(2);
    expect(r.report.results[0].errors[0].message).toMatch(/unique|already/i);
  });

  it('treats __proto__ and constructor keys as plain data and reports them as unknown fields', () => {
    const r = json(
      [],
      VALID.replace(
        'spec:\n  selector',
        'spec:\n  __proto__: {polluted: true}\n  constructor: {prototype: {x: 1}}\n  selector',
      ),
    );
    expect(r.status).toBe(1);
    const paths = r.report.results[0].errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('spec.__proto__');
    expect(paths).toContain('spec.constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses binary garbage', () => {
    const garbage = crypto.createHash('sha512').update('seed').digest();
    const r = json([], Buffer.concat(Array(64).fill(garbage)));
    expect(r.status).toBe(2);
    expect(r.report.results[0].status).toBe('unreadable');
  });

  it('refuses a file that is not UTF-8', () => {
    const latin1 = Buffer.from(VALID.replace('agent:1.0', 'agent:1.0 # caf\u00e9'), 'latin1');
    const r = json([], latin1);
    expect(r.status).toBe(2);
    expect(r.report.results[0].errors[0].message).toMatch(/not valid UTF-8/);
  });

  it('keeps checking other files after a hostile one', () => {
    const dir = folder({ 'a.yaml': Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'b.yaml': VALID });
    const r = cli(['validate', '--output', 'json', dir]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).summary).toEqual({ documents: 2, valid: 1, invalid: 1, skipped: 0 });
  });
});
