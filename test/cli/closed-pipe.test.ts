import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, folder, INVALID, VALID } from './_run';

/** Runs the built CLI with stdout a pipe whose reader is gone before the first write. */
function withClosedStdout(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('a reader that closes stdout early (`| head`)', () => {
  const dir = folder({
    'valid.yaml': Array.from({ length: 200 }, (_, i) => VALID.replace('name: agent\n', `name: agent-${i}\n`)).join(
      '---\n',
    ),
    'invalid.yaml': INVALID,
  });

  it('ends without a stack trace and with the verdict as exit code: 0 for valid input', async () => {
    const r = await withClosedStdout(['validate', path.join(dir, 'valid.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('and 1 for an invalid manifest, whose report nobody reads', async () => {
    const r = await withClosedStdout(['validate', path.join(dir, 'invalid.yaml'), path.join(dir, 'valid.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  it('holds for plan as for validate', async () => {
    const r = await withClosedStdout(['plan', path.join(dir, 'valid.yaml'), path.join(dir, 'valid.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
