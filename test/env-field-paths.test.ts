import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_FIELD_PATHS } from '../src';

describe('EnvFieldPath', () => {
  it('lists every path of ENV_FIELD_PATHS in its documentation', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', 'src', 'env.ts'), 'utf8');
    const doc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export type EnvFieldPath\b/.exec(source)?.[1] ?? '';
    expect(ENV_FIELD_PATHS.filter((p) => !doc.includes(`\`${p}\``))).toEqual([]);
  });
});
