import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Writes generated modules into `dir` (inside the project, so `../../src/index` resolves) with a
 * tsconfig extending the project's, runs tsc, and returns tsc's error lines about those files only.
 */
export function typeCheckGenerated(dir: string, modules: ReadonlyMap<string, string>): string[] {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, code] of modules) fs.writeFileSync(path.join(dir, name), code);
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../../tsconfig.json', include: ['*.ts'] }),
  );
  let out = '';
  try {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join(dir, 'tsconfig.json'), '--noEmit'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? e);
  }
  return out.split('\n').filter((l) => l.includes(path.relative(ROOT, dir)) || l.includes(dir));
}
