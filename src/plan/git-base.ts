/**
 * The committed output at a git ref, read with `git ls-tree` and `git show` so the work tree and
 * index stay untouched (`plan --base REF`).
 */
import { execFileSync } from 'node:child_process';
import { decodeUtf8 } from '../check';
import type { SideText } from './sides';

const YAML_FILE = /\.ya?ml$/i;

function git(cwd: string, args: string[], maxBuffer: number): Buffer {
  return execFileSync('git', args, { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The YAML files under `folder` (relative to `cwd`) as committed at `ref`. A file over `maxBytes` is
 * an error of that file; an unknown ref or a failing git throws with git's message.
 */
export function committedYaml(cwd: string, ref: string, folder: string, maxBytes: number): SideText[] {
  if (ref.startsWith('-')) throw new Error(`not a git ref: ${ref}`);
  const prefix = folder === '' || folder === '.' ? '.' : `./${folder.replace(/\/+$/, '')}`;
  let listing: string;
  try {
    // -z: names as they are, however odd; `--` ends options before the path.
    listing = git(cwd, ['ls-tree', '-r', '-z', '--long', ref, '--', prefix], 1 << 26).toString('utf8');
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString('utf8').trim();
    throw new Error(`git cannot read ${folder} at ${ref}: ${stderr || (e as Error).message}`);
  }
  const out: SideText[] = [];
  for (const entry of listing.split('\0')) {
    // `<mode> blob <hash> <size>\t<path>`, the path relative to cwd.
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, , size] = entry.slice(0, tab).trim().split(/\s+/);
    const file = entry.slice(tab + 1);
    if (type !== 'blob' || !YAML_FILE.test(file)) continue;
    const name = `${ref}:${file}`;
    if (Number(size) > maxBytes) {
      out.push({ name, error: `input is ${size} bytes, over the ${maxBytes}-byte limit: raise --max-bytes` });
      continue;
    }
    const bytes = git(cwd, ['show', `${ref}:./${file}`], maxBytes + 1024);
    out.push({ name, ...decodeUtf8(bytes) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
