import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TKESTACK_CASES } from '../validate/rules/tkestack.yaml';
import { cli, folder } from './_run';

/** `path code` of each issue line of the text report. */
function issueLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => /\s(\S+): .*\[([^\]]+)\]$/.exec(l))
    .flatMap((m) => (m ? [`${m[1]} ${m[2]}`] : []));
}

describe('cdk8s-daemonset validate: TKEStack rules', () => {
  it.each(TKESTACK_CASES)('%s', (_what, yaml, expected) => {
    const dir = folder({ 'ds.yaml': yaml });
    const r = cli(['validate', path.join(dir, 'ds.yaml')]);
    expect(issueLines(r.stdout)).toEqual(expected === undefined ? [] : [expected]);
    expect(r.status).toBe(expected === undefined ? 0 : 1);
  });
});
