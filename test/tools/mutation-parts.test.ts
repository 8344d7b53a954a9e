import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MutationReport, mergeReports, scoreOf } from '../../stryker/merge-reports';
import { repointEntries } from '../../stryker/repoint';
import { withoutStaticSurvivors, withoutTimeouts } from '../../stryker/retest';
import { filesByPart, PARTS, sourceFiles } from '../../stryker/run-parts';
import { listedMutants, staleEntries, unlistedSurvivors } from '../../stryker/unlisted-survivors';

const mutant = (id: string, status: string, coveredBy: string[] = [], killedBy?: string[]) => ({
  id,
  status,
  coveredBy,
  ...(killedBy ? { killedBy } : {}),
});

const partA: MutationReport = {
  schemaVersion: '2',
  files: {
    'src/validate/a.ts': {
      language: 'typescript',
      source: '',
      mutants: [mutant('0', 'Killed', ['0'], ['0']), mutant('1', 'Survived', ['0'])],
    },
  },
  testFiles: { 'test/x.test.ts': { tests: [{ id: '0', name: 'x' }] } },
};
const partB: MutationReport = {
  schemaVersion: '2',
  files: {
    'src/validate/b.ts': {
      language: 'typescript',
      source: '',
      mutants: [
        mutant('0', 'Timeout', ['0']),
        mutant('1', 'NoCoverage'),
        mutant('2', 'Ignored'),
        mutant('3', 'CompileError'),
      ],
    },
  },
  testFiles: { 'test/x.test.ts': { tests: [{ id: '0', name: 'x' }] } },
};

describe('npm run mutation (stryker/run-parts.ts)', () => {
  it('puts every file of src/validate/ in exactly one part', () => {
    const byPart = filesByPart();
    const assigned = [...byPart.values()].flat();
    expect(assigned.sort()).toEqual(sourceFiles('src/validate'));
    expect(new Set(assigned).size).toBe(assigned.length);
    expect([...byPart.keys()]).toEqual(PARTS.map((p) => p.name));
    for (const [name, files] of byPart) expect(files.length, name).toBeGreaterThan(0);
    expect(byPart.get('engine')).toContain('src/validate/engine.ts');
    expect(byPart.get('engine')).toContain('src/validate/defaults/volume.ts');
    expect(byPart.get('rules-shared')).toContain('src/validate/rules/_shared/names.ts');
    expect(byPart.get('rules-t-z')).toContain('src/validate/rules/volume-sources.ts');
  });

  it('scores killed and timed-out mutants over those that ran or had no coverage', () => {
    expect(scoreOf(partA)).toMatchObject({ total: 2, killed: 1, survived: 1, score: 0.5 });
    // Ignored and compile errors are left out: 1 timeout over 1 timeout + 1 without coverage.
    expect(scoreOf(partB)).toMatchObject({ total: 4, timeout: 1, noCoverage: 1, ignored: 1, errors: 1, score: 0.5 });
  });

  it('merges parts into one report whose ids stay unique and whose score is over all mutants', () => {
    const merged = mergeReports([partA, partB]);
    expect(Object.keys(merged.files)).toEqual(['src/validate/a.ts', 'src/validate/b.ts']);
    expect(merged.files['src/validate/a.ts'].mutants[0]).toMatchObject({
      id: '0:0',
      coveredBy: ['0:0'],
      killedBy: ['0:0'],
    });
    expect(merged.files['src/validate/b.ts'].mutants[0]).toMatchObject({ id: '1:0', coveredBy: ['1:0'] });
    expect(merged.testFiles?.['test/x.test.ts'].tests.map((t) => t.id)).toEqual(['0:0', '1:0']);
    const ids = Object.values(merged.files).flatMap((f) => f.mutants.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(scoreOf(merged)).toMatchObject({ total: 6, killed: 1, timeout: 1, survived: 1, noCoverage: 1, score: 0.5 });
  });

  it('refuses a file reported by two parts', () => {
    expect(() => mergeReports([partA, partA])).toThrow('src/validate/a.ts is in two mutation reports');
  });
});

describe('timed-out mutants tested again (stryker/retest.ts)', () => {
  it('drops only the timed-out mutants from every file, keeping the rest of the report', () => {
    const { report, dropped } = withoutTimeouts(mergeReports([partA, partB]));
    expect(dropped).toBe(1);
    expect(Object.values(report.files).flatMap((f) => f.mutants.map((m) => m.status))).toEqual([
      'Killed',
      'Survived',
      'NoCoverage',
      'Ignored',
      'CompileError',
    ]);
    expect(report.testFiles).toEqual(mergeReports([partA, partB]).testFiles);
    expect(report.files['src/validate/b.ts'].language).toBe('typescript');
  });

  it('leaves a report without timeouts as it is', () => {
    const { report, dropped } = withoutTimeouts(partA);
    expect(dropped).toBe(0);
    expect(report).toEqual(partA);
  });
});

describe('surviving static mutants tested again (stryker/retest.ts)', () => {
  // Static mutants carry no covering tests, so Stryker's incremental mode would reuse their survival.
  const withStatic: MutationReport = {
    schemaVersion: '2',
    files: {
      'src/validate/q.ts': {
        language: 'typescript',
        source: '',
        mutants: [
          { ...mutant('0', 'Survived'), static: true },
          { ...mutant('1', 'Killed', [], ['0']), static: true },
          { ...mutant('2', 'Timeout'), static: true },
          { ...mutant('3', 'Survived', ['0']), static: false },
          mutant('4', 'Survived', ['0']),
          { ...mutant('5', 'NoCoverage'), static: true },
        ],
      },
    },
    testFiles: { 'test/x.test.ts': { tests: [{ id: '0', name: 'x' }] } },
  };

  it('drops only the static mutants that were not detected, keeping the rest of the report', () => {
    const { report, dropped } = withoutStaticSurvivors(withStatic);
    expect(dropped).toBe(2);
    expect(report.files['src/validate/q.ts'].mutants.map((m) => m.id)).toEqual(['1', '2', '3', '4']);
    expect(report.files['src/validate/q.ts'].language).toBe('typescript');
    expect(report.testFiles).toEqual(withStatic.testFiles);
  });

  it('leaves a report without static mutants as it is', () => {
    const { report, dropped } = withoutStaticSurvivors(mergeReports([partA, partB]));
    expect(dropped).toBe(0);
    expect(report).toEqual(mergeReports([partA, partB]));
  });
});

describe('surviving mutants not listed as equivalent (stryker/unlisted-survivors.ts)', () => {
  const at = (line: number, column: number) => ({ start: { line, column }, end: { line, column: column + 4 } });
  const report: MutationReport = {
    files: {
      'src/validate/a.ts': {
        mutants: [
          {
            id: '1',
            status: 'Survived',
            mutatorName: 'ConditionalExpression',
            replacement: 'true',
            location: at(3, 7),
          },
          {
            id: '2',
            status: 'Survived',
            mutatorName: 'ConditionalExpression',
            replacement: 'false',
            location: at(3, 7),
          },
          { id: '3', status: 'NoCoverage', mutatorName: 'StringLiteral', replacement: '""', location: at(9, 1) },
          { id: '4', status: 'Killed', mutatorName: 'BooleanLiteral', replacement: 'false', location: at(5, 2) },
          {
            id: '5',
            status: 'Survived',
            mutatorName: 'BlockStatement',
            replacement: '{\n  a;\n}',
            location: at(12, 3),
          },
        ],
      },
    },
  };
  const markdown = [
    '## src/validate/a.ts',
    '',
    '- `src/validate/a.ts 3:7 ConditionalExpression (true)`: the early return only spares work.',
    '- `src/validate/a.ts 5:2 BooleanLiteral (false)`: listed, though killed.',
    '- `src/validate/a.ts 9:1 StringLiteral ("")`:',
  ].join('\n');

  it('reads entries by file, place, mutator and replacement, and only those with a reason', () => {
    expect([...listedMutants(markdown)]).toEqual([
      'src/validate/a.ts 3:7 ConditionalExpression (true)',
      'src/validate/a.ts 5:2 BooleanLiteral (false)',
    ]);
  });

  it("ends an entry's replacement at the first `)` and backtick, even when the reason quotes code the same way", () => {
    const entry =
      "- `src/validate/n.ts 15:31 StringLiteral (\"\")`: `Buffer.byteLength(s, '')`: Node reads '' as UTF-8.";
    expect([...listedMutants(entry)]).toEqual(['src/validate/n.ts 15:31 StringLiteral ("")']);
  });

  it('names each survivor or uncovered mutant no entry names, as an entry would', () => {
    expect(unlistedSurvivors(report, listedMutants(markdown))).toEqual([
      'src/validate/a.ts 12:3 BlockStatement ({ a; })',
      'src/validate/a.ts 3:7 ConditionalExpression (false)',
      'src/validate/a.ts 9:1 StringLiteral ("")',
    ]);
  });

  it('names the entries that match no surviving mutant of a file the report covers (moved, gone or killed), and only those', () => {
    const withStale = [
      markdown,
      '- `src/validate/a.ts 4:7 ConditionalExpression (true)`: the line moved.',
      '- `src/validate/a.ts 3:7 ConditionalExpression (false)`: still here.',
      '- `src/validate/other.ts 1:1 StringLiteral ("")`: a file this report does not cover.',
    ].join('\n');
    expect(staleEntries(report, listedMutants(withStale))).toEqual([
      'src/validate/a.ts 4:7 ConditionalExpression (true)',
      // Killed: an entry for it excuses nothing, and would excuse another mutant moved onto its line.
      'src/validate/a.ts 5:2 BooleanLiteral (false)',
    ]);
  });

  it('finds every entry of stryker-equivalent.md well formed', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'stryker-equivalent.md'), 'utf8');
    const entries = text.split('\n').filter((l) => l.startsWith('- `'));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((l) => listedMutants(l).size !== 1)).toEqual([]);
  });
});

describe('entries re-pointed to the line their code moved to (stryker/repoint.ts)', () => {
  const at = (line: number, column: number) => ({ start: { line, column }, end: { line, column: column + 4 } });
  const survivor = (id: string, line: number, column: number, mutatorName: string, replacement: string) => ({
    id,
    status: 'Survived',
    mutatorName,
    replacement,
    location: at(line, column),
  });
  // Two lines were added at the top since the entries were written: `if (a) return;` moved from 3 to 5.
  const source = ['// new', '// new', 'const x = 1;', '', '  if (a) return;', '  if (b) return;', '  if (a) return;'];
  const before = ['const x = 1;', '', '  if (a) return;', '  if (b) return;'];
  const reportOf = (mutants: MutationReport['files'][string]['mutants']): MutationReport => ({
    files: { 'src/validate/a.ts': { source: source.join('\n'), mutants } },
  });
  const report = reportOf([
    survivor('1', 5, 7, 'ConditionalExpression', 'false'),
    survivor('2', 6, 7, 'ConditionalExpression', 'false'),
    survivor('3', 7, 7, 'ConditionalExpression', 'true'),
    { ...survivor('4', 7, 7, 'ConditionalExpression', 'false'), status: 'Killed' },
  ]);
  const oldLine = (_file: string, line: number) => [before[line - 1]];
  const entry = (name: string) => `- \`${name}\`: a reason.`;

  it('moves an entry to the one survivor with its mutator, replacement, column and old line text', () => {
    const markdown = [
      entry('src/validate/a.ts 3:7 ConditionalExpression (false)'),
      entry('src/validate/a.ts 4:7 ConditionalExpression (false)'),
    ].join('\n');
    const stale = staleEntries(report, listedMutants(markdown));
    const r = repointEntries(markdown, report, stale, oldLine);
    // Line 3's `if (a) return;` is now on lines 5 and 7, but only line 5's mutant is a survivor of that mutator.
    expect(r.moved).toEqual([
      {
        from: 'src/validate/a.ts 3:7 ConditionalExpression (false)',
        to: 'src/validate/a.ts 5:7 ConditionalExpression (false)',
      },
      {
        from: 'src/validate/a.ts 4:7 ConditionalExpression (false)',
        to: 'src/validate/a.ts 6:7 ConditionalExpression (false)',
      },
    ]);
    expect(r.left).toEqual([]);
    expect(r.markdown).toBe(
      [
        entry('src/validate/a.ts 5:7 ConditionalExpression (false)'),
        entry('src/validate/a.ts 6:7 ConditionalExpression (false)'),
      ].join('\n'),
    );
    expect(unlistedSurvivors(report, listedMutants(r.markdown))).toEqual([
      'src/validate/a.ts 7:7 ConditionalExpression (true)',
    ]);
  });

  it('leaves an entry whose line text matches no survivor, or several, and one whose target is listed already', () => {
    const markdown = [
      entry('src/validate/a.ts 5:7 ConditionalExpression (false)'),
      // The same mutant, judged before the move: its target is taken.
      entry('src/validate/a.ts 3:7 ConditionalExpression (false)'),
      // `if (a) return;` with `true`: the old text now stands on lines 5 and 7; only 7 has that survivor, so it moves.
      entry('src/validate/a.ts 3:7 ConditionalExpression (true)'),
      // Another column: no such mutant.
      entry('src/validate/a.ts 4:9 ConditionalExpression (false)'),
    ].join('\n');
    const stale = staleEntries(report, listedMutants(markdown));
    const r = repointEntries(markdown, report, stale, oldLine);
    expect(r.moved.map((m) => m.to)).toEqual(['src/validate/a.ts 7:7 ConditionalExpression (true)']);
    expect(r.left).toEqual([
      'src/validate/a.ts 3:7 ConditionalExpression (false)',
      'src/validate/a.ts 4:9 ConditionalExpression (false)',
    ]);
  });

  it('leaves an entry when two survivors fit it', () => {
    const twin = reportOf([
      survivor('1', 5, 7, 'ConditionalExpression', 'false'),
      survivor('2', 7, 7, 'ConditionalExpression', 'false'),
    ]);
    const markdown = entry('src/validate/a.ts 3:7 ConditionalExpression (false)');
    const r = repointEntries(markdown, twin, staleEntries(twin, listedMutants(markdown)), oldLine);
    expect(r.moved).toEqual([]);
    expect(r.left).toEqual(['src/validate/a.ts 3:7 ConditionalExpression (false)']);
    expect(r.markdown).toBe(markdown);
  });
});
