import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The built CLI, as users run it (`npm test` builds first). */
export const CLI = path.join(__dirname, '..', '..', 'lib', 'cli', 'main.js');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI as a child process. The timeout only bounds a hang (the test then fails);
 * speed is measured by the benchmark, not here.
 */
export function cli(
  args: readonly string[],
  options: { input?: string | Buffer; cwd?: string; maxOldSpaceMb?: number } = {},
): Run {
  const nodeArgs = options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : [];
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {
    input: options.input ?? '',
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder with the given files. */
export function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export const VALID = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: agent:1.0
`;

export const INVALID = VALID.replace('name: agent\n          image', 'name: Agent_1\n          image').replace(
  'image: agent:1.0',
  'image: agent:1.0\n          ports: [{containerPort: 0}]',
);
