import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from '../../src';
import { addExamples } from '../../examples/all';

const DIST = path.join(__dirname, '..', '..', 'dist');

describe('examples', () => {
  it('synthesize without issues', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ex-')) });
    addExamples(app);
    expect(app.issues()).toEqual([]);
  });

  it('synthesize exactly the committed dist/ files', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ex-'));
    const app = new App({ outdir });
    addExamples(app);
    app.synth();
    const written = fs.readdirSync(outdir).sort();
    expect(written).toEqual(
      fs
        .readdirSync(DIST)
        .filter((f) => f.endsWith('.k8s.yaml'))
        .sort(),
    );
    for (const f of written) {
      expect(fs.readFileSync(path.join(outdir, f), 'utf8'), f).toBe(fs.readFileSync(path.join(DIST, f), 'utf8'));
    }
  });
});
