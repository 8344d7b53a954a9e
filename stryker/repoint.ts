// Entries of stryker-equivalent.md moved with their code. An edit above a judged mutant shifts its
// line, and its entry then names no mutant (staleEntries) while the mutant shows as unlisted. The
// judgement still holds when the mutant is the same one: same file, mutator, replacement and
// column, on a line whose text is the text the entry's line had when it was judged. That text is
// read from the file's earlier versions in git, newest first.
import type { MutationReport } from './merge-reports';
import { listedMutants, nameOf } from './unlisted-survivors';

/** What an entry names, parsed. */
interface EntryName {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly mutator: string;
  readonly replacement: string;
}

const NAME = /^(\S+) (\d+):(\d+) (\w+) \((.*)\)$/;

function parse(entry: string): EntryName | undefined {
  const m = NAME.exec(entry);
  return m ? { file: m[1], line: Number(m[2]), column: Number(m[3]), mutator: m[4], replacement: m[5] } : undefined;
}

/** The outcome of re-pointing: the new markdown, the entries moved, and the stale ones left as they were. */
export interface Repointed {
  readonly markdown: string;
  readonly moved: readonly { readonly from: string; readonly to: string }[];
  readonly left: readonly string[];
}

/**
 * Re-points each stale entry to the one surviving mutant of `report` it still describes: same file,
 * mutator, replacement and column, not listed already, on a line whose current text is the text
 * `oldLine(file, line)` gives for the entry's line in some earlier version of the file. An entry
 * with no such mutant, or with several, is left for a person to judge.
 *
 * @param oldLine the texts line `line` of `file` had in earlier versions, newest first
 */
export function repointEntries(
  markdown: string,
  report: MutationReport,
  stale: readonly string[],
  oldLine: (file: string, line: number) => readonly string[],
): Repointed {
  const listed = new Set([...listedMutants(markdown)].filter((name) => !stale.includes(name)));
  const moved: { from: string; to: string }[] = [];
  const left: string[] = [];
  let out = markdown;
  for (const entry of stale) {
    const e = parse(entry);
    const result = e && report.files[e.file];
    if (!e || !result || typeof result.source !== 'string') {
      left.push(entry);
      continue;
    }
    const lines = result.source.split('\n');
    const texts = new Set(oldLine(e.file, e.line));
    const targets = new Set(
      result.mutants
        .filter(
          (m) =>
            (m.status === 'Survived' || m.status === 'NoCoverage') &&
            m.mutatorName === e.mutator &&
            m.location?.start.column === e.column &&
            m.replacement?.replace(/\s+/g, ' ') === e.replacement &&
            texts.has(lines[(m.location?.start.line ?? 0) - 1]),
        )
        .map((m) => nameOf(e.file, m))
        .filter((name) => !listed.has(name)),
    );
    if (targets.size !== 1) {
      left.push(entry);
      continue;
    }
    const [to] = targets;
    out = out.replace(`- \`${entry}\``, `- \`${to}\``);
    listed.add(to);
    moved.push({ from: entry, to });
  }
  return { markdown: out, moved, left };
}
