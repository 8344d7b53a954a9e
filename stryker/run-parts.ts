// `npm run mutation`: Stryker over src/validate/, one part of the tree at a time.
//
// A run from scratch takes hours on two cores, longer than one sitting, and Stryker writes its
// results only when a run ends. Each part therefore has its own incremental file: an interrupted
// run keeps every part it finished, and a later run re-tests only the mutants whose code or tests
// changed. At the end the parts' reports are merged into reports/mutation/mutation.json and the
// score is printed per part and over src/validate/ as a whole.
//
//   npm run mutation                      every part (incremental)
//   npm run mutation -- --part rules-a-o  one part (repeatable)
//   npm run mutation -- --force           from scratch (other arguments go to Stryker as they are)
//   npm run mutation -- --merge-only      only merge the parts' reports and print the score
//   npm run mutation -- --retest-timeouts test again the mutants that timed out (a busy machine's
//                                         timeouts may be slow survivors); combines with --part
//   npm run mutation -- --retest-static   test again the static mutants that survived (Stryker's
//                                         incremental mode never reruns them when tests are added)
//   npm run mutation -- --repoint         move stryker-equivalent.md's entries whose code moved to
//                                         the mutant's new line (repoint.ts); combines with --merge-only
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type MutationReport, mergeReports, type Score, scoreOf } from './merge-reports';
import { repointEntries } from './repoint';
import { withoutStaticSurvivors, withoutTimeouts } from './retest';
import { listedMutants, staleEntries, unlistedSurvivors } from './unlisted-survivors';

const ROOT = path.resolve(__dirname, '..');
const REPORTS = path.join(ROOT, 'reports', 'mutation');
const PARTS_DIR = path.join(REPORTS, 'parts');

/** Each file of src/validate/ belongs to the first part whose test accepts it. */
export const PARTS: readonly { readonly name: string; readonly accepts: (file: string) => boolean }[] = [
  {
    name: 'engine',
    accepts: (f: string) => !f.includes('/', 'src/validate/'.length) || /^src\/validate\/(defaults|versions)\//.test(f),
  },
  { name: 'phases-range', accepts: (f: string) => /^src\/validate\/(phases|range)\//.test(f) },
  { name: 'rules-shared', accepts: (f: string) => f.startsWith('src/validate/rules/_shared/') },
  { name: 'rules-a-o', accepts: (f: string) => /^src\/validate\/rules\/[a-o][^/]*$/.test(f) },
  { name: 'rules-p-s', accepts: (f: string) => /^src\/validate\/rules\/[p-s][^/]*$/.test(f) },
  { name: 'rules-t-z', accepts: (f: string) => /^src\/validate\/rules\/[t-z][^/]*$/.test(f) },
];

export function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e): string[] =>
      e.isDirectory() ? sourceFiles(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
    )
    .sort();
}

/** The files of each part; fails when a file of src/validate/ would be left out. */
export function filesByPart(): Map<string, string[]> {
  const byPart = new Map(PARTS.map((p): [string, string[]] => [p.name, []]));
  for (const file of sourceFiles('src/validate')) {
    const part = PARTS.find((p) => p.accepts(file));
    if (!part) throw new Error(`${file} belongs to no mutation part: add it to stryker/run-parts.ts`);
    byPart.get(part.name)?.push(file);
  }
  return byPart;
}

function parseArgs(argv: readonly string[]) {
  const parts: string[] = [];
  const stryker: string[] = [];
  let mergeOnly = false;
  let retestTimeouts = false;
  let retestStatic = false;
  let repoint = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--part') parts.push(argv[++i]);
    else if (argv[i] === '--merge-only') mergeOnly = true;
    else if (argv[i] === '--retest-timeouts') retestTimeouts = true;
    else if (argv[i] === '--retest-static') retestStatic = true;
    else if (argv[i] === '--repoint') repoint = true;
    else stryker.push(argv[i]);
  }
  for (const p of parts)
    if (!PARTS.some((x) => x.name === p))
      throw new Error(`unknown part ${p}; the parts: ${PARTS.map((x) => x.name).join(', ')}`);
  return {
    parts: parts.length > 0 ? parts : PARTS.map((p) => p.name),
    stryker,
    mergeOnly,
    retestTimeouts,
    retestStatic,
    repoint,
  };
}

/** Drops the mutants `pick` selects from a part's incremental file, so its next run tests them again. */
function forget(name: string, what: string, pick: typeof withoutTimeouts): void {
  const file = path.join(PARTS_DIR, `${name}.incremental.json`);
  if (!fs.existsSync(file)) return;
  const { report, dropped } = pick(JSON.parse(fs.readFileSync(file, 'utf8')) as MutationReport);
  fs.writeFileSync(file, JSON.stringify(report));
  process.stderr.write(`part ${name}: ${dropped} ${what} mutant(s) to test again\n`);
}

function runPart(name: string, files: readonly string[], strykerArgs: readonly string[]): void {
  const report = path.join(PARTS_DIR, `${name}.json`);
  const args = [
    'stryker',
    'run',
    'stryker.config.json',
    '--mutate',
    files.join(','),
    '--incrementalFile',
    path.relative(ROOT, path.join(PARTS_DIR, `${name}.incremental.json`)),
    ...strykerArgs,
  ];
  process.stderr.write(`\n== mutation part ${name}: ${files.length} files ==\n`);
  const started = Date.now();
  const r = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`stryker failed on part ${name} (exit ${r.status})`);
  fs.renameSync(path.join(REPORTS, 'mutation.json'), report);
  const seconds = Math.round((Date.now() - started) / 1000);
  fs.writeFileSync(
    path.join(PARTS_DIR, `${name}.time.json`),
    JSON.stringify({ seconds, finished: new Date().toISOString() }),
  );
}

const percent = (s: Score) => (Number.isNaN(s.score) ? 'n/a' : `${(s.score * 100).toFixed(1)}%`);
const row = (name: string, s: Score, seconds?: number) =>
  `${name.padEnd(14)} ${String(s.total).padStart(6)} ${String(s.killed + s.timeout).padStart(7)} ${String(s.survived).padStart(8)} ${String(s.noCoverage).padStart(8)} ${String(s.ignored).padStart(7)} ${percent(s).padStart(7)} ${seconds === undefined ? '' : `${seconds} s`}`;

/** The text line `line` of `file` had in the last commits that changed it, newest first. */
function linesInHistory(file: string, line: number): string[] {
  const log = spawnSync('git', ['log', '--format=%H', '-n', '40', '--', file], { cwd: ROOT, encoding: 'utf8' });
  if (log.status !== 0) throw new Error(`git log failed: ${log.stderr}`);
  return log.stdout
    .split('\n')
    .filter(Boolean)
    .flatMap((commit) => {
      const show = spawnSync('git', ['show', `${commit}:${file}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
      const text = show.status === 0 ? show.stdout.split('\n')[line - 1] : undefined;
      return text === undefined ? [] : [text];
    });
}

/** --repoint: re-points stale entries of stryker-equivalent.md in place, and says what moved. */
function repointFile(equivalents: string, merged: MutationReport): void {
  const markdown = fs.readFileSync(equivalents, 'utf8');
  const stale = staleEntries(merged, listedMutants(markdown));
  const shown = new Map<string, string[]>();
  const { markdown: next, moved } = repointEntries(markdown, merged, stale, (file, line) => {
    const key = `${file}:${line}`;
    if (!shown.has(key)) shown.set(key, linesInHistory(file, line));
    return shown.get(key) ?? [];
  });
  fs.writeFileSync(equivalents, next);
  for (const { from, to } of moved) console.log(`re-pointed ${from} -> ${to.split(' ')[1]}`);
  console.log(`${moved.length} of ${stale.length} stale entr${stale.length === 1 ? 'y' : 'ies'} re-pointed`);
}

function main() {
  const { parts, stryker, mergeOnly, retestTimeouts, retestStatic, repoint } = parseArgs(process.argv.slice(2));
  const byPart = filesByPart();
  fs.mkdirSync(PARTS_DIR, { recursive: true });
  if (!mergeOnly) {
    for (const name of parts) {
      if (retestTimeouts) forget(name, 'timed-out', withoutTimeouts);
      if (retestStatic) forget(name, 'surviving static', withoutStaticSurvivors);
      runPart(name, byPart.get(name) ?? [], stryker);
    }
  }

  const reports: MutationReport[] = [];
  console.log(`\n${'part'.padEnd(14)} mutants  killed survived noCover ignored   score time`);
  for (const { name } of PARTS) {
    const file = path.join(PARTS_DIR, `${name}.json`);
    if (!fs.existsSync(file)) {
      console.log(`${name.padEnd(14)} not run yet`);
      continue;
    }
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as MutationReport;
    const stale = Object.keys(report.files).filter((f) => !byPart.get(name)?.includes(f));
    if (stale.length > 0)
      throw new Error(`${file} covers files outside part ${name}: ${stale.join(', ')}; run the part again`);
    const time = path.join(PARTS_DIR, `${name}.time.json`);
    reports.push(report);
    console.log(
      row(name, scoreOf(report), fs.existsSync(time) ? JSON.parse(fs.readFileSync(time, 'utf8')).seconds : undefined),
    );
  }
  const merged = mergeReports(reports);
  fs.writeFileSync(path.join(REPORTS, 'mutation.json'), JSON.stringify(merged));
  const missing = PARTS.length - reports.length;
  console.log(row('src/validate', scoreOf(merged)) + (missing > 0 ? ` (${missing} part(s) not run)` : ''));
  const equivalents = path.join(ROOT, 'stryker-equivalent.md');
  if (repoint) repointFile(equivalents, merged);
  const listed = listedMutants(fs.readFileSync(equivalents, 'utf8'));
  const unlisted = unlistedSurvivors(merged, listed);
  const unlistedFile = path.join(REPORTS, 'unlisted-survivors.txt');
  fs.writeFileSync(unlistedFile, unlisted.map((u) => `${u}\n`).join(''));
  console.log(
    unlisted.length === 0
      ? 'Every surviving mutant is listed in stryker-equivalent.md.'
      : `${unlisted.length} surviving mutant(s) neither killed nor listed in stryker-equivalent.md: ${path.relative(ROOT, unlistedFile)}`,
  );
  const stale = staleEntries(merged, listed);
  const staleFile = path.join(REPORTS, 'stale-entries.txt');
  fs.writeFileSync(staleFile, stale.map((u) => `${u}\n`).join(''));
  if (stale.length > 0)
    console.log(
      `${stale.length} entr${stale.length === 1 ? 'y' : 'ies'} of stryker-equivalent.md name no surviving mutant of this run (moved, gone or killed): ${path.relative(ROOT, staleFile)}`,
    );
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`npm run mutation: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
