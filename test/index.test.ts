import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src';

describe('the package entry point', () => {
  it('names every export (no export *)', () => {
    const text = readFileSync(path.join(__dirname, '../src/index.ts'), 'utf8');
    expect(text).not.toMatch(/export \*/);
  });

  it('exports no rendering helper or construct-side check', () => {
    const internal = Object.keys(api).filter((n) => /^render|Problems$|^exemptionsOf$|^podSecurityIssues$/.test(n));
    expect(internal).toEqual([]);
  });

  it('exports what the README uses', () => {
    for (const n of ['App', 'DaemonSet', 'EnvValue', 'NetworkMode', 'Probe', 'Volume', 'validateManifest'])
      expect(api).toHaveProperty(n);
  });
});
