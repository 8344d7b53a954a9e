import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Version differences are data (profiles: gates and switches), never a literal version in rule or
 * phase code: adding a minor must not mean editing control flow. Comments may cite versions.
 */
const VALIDATE = path.join(__dirname, '..', '..', '..', 'src', 'validate');
// Data, not control flow: the profiles, the schemas, and the defaulting switches per minor.
const EXEMPT = new Set(['versions', 'schema']);

function codeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return EXEMPT.has(e.name) && dir === VALIDATE ? [] : codeFiles(p);
    if (e.name === 'options.ts' && path.basename(dir) === 'defaults') return [];
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Crude but enough for our code: drops block comments and line comments outside strings. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

// A version in a string (`'1.31'`, `"v1.29.3"`), a comparison with a version number, or a
// comparison of a profile's version (naming it in a message is fine).
const LITERAL =
  /['"`]v?1\.\d{2}(\.\d+)?['"`]|[<>=]=?\s*1\.\d{2}\b|\bminorNumber\(|\.version\s*(?:[<>]|[=!]==?)|(?:[<>]|[=!]==?)\s*[\w.]*\.version\b/;

function versionLiterals(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    stripComments(fs.readFileSync(file, 'utf8'))
      .split('\n')
      .forEach((line, i) => {
        if (LITERAL.test(line)) found.push(`${path.relative(VALIDATE, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('rule and phase code', () => {
  it('never names a Kubernetes version', () => {
    expect(versionLiterals(codeFiles(VALIDATE))).toEqual([]);
  });

  it('is caught when it does', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vlit-'));
    const bad = path.join(tmp, 'bad.ts');
    fs.writeFileSync(bad, "// since 1.29\nif (v === '1.29') x();\nconst ok = 1;\nif (ctx.profile.version >= m) y();\n");
    const rel = path.relative(VALIDATE, bad);
    expect(versionLiterals([bad])).toEqual([
      `${rel}:2: if (v === '1.29') x();`,
      `${rel}:4: if (ctx.profile.version >= m) y();`,
    ]);
    fs.rmSync(tmp, { recursive: true });
  });
});
