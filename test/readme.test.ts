import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlStream } from '../src';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the set-up/main-job command and the test command', () => {
    const firstBlock = README.split('```sh\n')[1]
      .split('```')[0]
      .split('\n')
      .map((l) => l.split('#')[0].trim());
    expect(firstBlock.slice(0, 2)).toEqual(['npm ci && npm run synth', 'npm test']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toContain('npm test');
    expect(pkg.scripts.synth).toMatch(/^cdk8s synth/);
  });

  it('has a quick start that compiles and synthesizes what it promises', () => {
    const code = README.split('## Quick start')[1].split('```ts\n')[1].split('```')[0];
    expect(code.split('\n').length).toBeLessThanOrEqual(25);
    const dir = fs.mkdtempSync(path.join(ROOT, '.tmp-readme-'));
    try {
      const file = path.join(dir, 'quickstart.ts');
      fs.writeFileSync(
        file,
        code.replace("from 'cdk8s-daemonset'", `from ${JSON.stringify(path.relative(dir, path.join(ROOT, 'src')))}`),
      );
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), file], {
        env: { ...process.env, CDK8S_OUTDIR: outdir },
      });
      const [doc] = readYamlStream(fs.readFileSync(path.join(outdir, 'logging.k8s.yaml'), 'utf8'));
      const m = doc.value as any;
      expect(m.metadata).toEqual({ name: 'fluent-bit', namespace: 'logging' });
      expect(m.spec.template.spec.containers[0]).toMatchObject({
        image: 'fluent/fluent-bit:2.2.2',
        volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }],
      });
      expect(m.spec.template.spec.containers[0]).not.toHaveProperty('imagePullPolicy');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
