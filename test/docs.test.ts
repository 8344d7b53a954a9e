import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');

interface Reflection {
  name: string;
  kind: number;
  flags?: { isOptional?: boolean };
  comment?: { summary?: unknown[]; blockTags?: Array<{ tag: string }> };
  children?: Reflection[];
}

/** TypeDoc's ReflectionKind.Property and Interface. */
const PROPERTY = 1024;
const INTERFACE = 256;

describe('API reference', () => {
  it('generates without warnings, every public item documented, every optional prop with its @default', () => {
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'typedoc-')), 'api.json');
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'),
        '--json',
        json,
        '--out',
        path.join(path.dirname(json), 'html'),
        '--emit',
        'docs',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const missing: string[] = [];
    let checked = 0;
    const walk = (node: Reflection, owner: string) => {
      for (const child of node.children ?? []) {
        if (node.kind === INTERFACE && child.kind === PROPERTY && child.flags?.isOptional) {
          checked++;
          if (!child.comment?.blockTags?.some((t) => t.tag === '@default')) missing.push(`${owner}.${child.name}`);
        }
        walk(child, child.name);
      }
    };
    walk(JSON.parse(fs.readFileSync(json, 'utf8')), '');
    expect(checked).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });
});
