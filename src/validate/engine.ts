import { compareIssues, type FieldPath, type Issue } from './issue';
import { field, list, str } from './read';
import type { Rule, RuleContext, RuleSet } from './rule';
import { ALL_RULES } from './rules';

/** The kinds the engine checks; any other document is skipped by callers. */
export const VALIDATED_KINDS: ReadonlyMap<string, string> = new Map([
  ['DaemonSet', 'apps/v1'],
  ['Pod', 'v1'],
]);

/** True when the engine has rules for this document's apiVersion and kind. */
export function isValidatedKind(manifest: unknown): boolean {
  const kind = str(field(manifest, 'kind'));
  return kind !== undefined && VALIDATED_KINDS.get(kind) === str(field(manifest, 'apiVersion'));
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

function run(rules: readonly Rule[], node: unknown, path: FieldPath, ctx: RuleContext, out: Issue[]): void {
  for (const rule of rules) out.push(...rule(node, path, ctx));
}

function collect(sets: readonly RuleSet[], pick: (s: RuleSet) => readonly Rule[] | undefined): Rule[] {
  return sets.flatMap((s) => pick(s) ?? []);
}

/**
 * Validates one DaemonSet (apps/v1) or Pod (v1) manifest as the API server would on create,
 * and returns every issue, sorted by field path. Other kinds yield a single `manifest/kind-unsupported`.
 */
export function validateManifest(manifest: unknown, rules: readonly RuleSet[] = ALL_RULES): Issue[] {
  const issues: Issue[] = [];
  const kind = str(field(manifest, 'kind'));
  if (!isValidatedKind(manifest)) {
    const expected = [...VALIDATED_KINDS].map(([k, v]) => `${v} ${k}`).join(' or ');
    return [{
      path: [],
      code: 'manifest/kind-unsupported',
      message: `expected ${expected}, got apiVersion ${JSON.stringify(field(manifest, 'apiVersion'))} kind ${JSON.stringify(kind)}`,
    }];
  }
  const base: RuleContext = { manifest };
  run(collect(rules, (s) => s.manifest), manifest, [], base, issues);
  const metaRules = collect(rules, (s) => s.objectMeta);
  run(metaRules, field(manifest, 'metadata'), ['metadata'], { ...base, metadataOf: 'object' }, issues);

  const podSpecPath: FieldPath = kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec'];
  if (kind !== 'Pod') {
    run(metaRules, field(manifest, 'spec', 'template', 'metadata'), ['spec', 'template', 'metadata'],
      { ...base, metadataOf: 'podTemplate' }, issues);
  }
  const podSpec = field(manifest, ...(podSpecPath as string[]));
  const podCtx: RuleContext = { ...base, podSpec, podSpecPath };
  run(collect(rules, (s) => s.podSpec), podSpec, podSpecPath, podCtx, issues);

  const containerRules = collect(rules, (s) => s.container);
  for (const containerList of CONTAINER_LISTS) {
    list(field(podSpec, containerList)).forEach((c, i) => {
      run(containerRules, c, [...podSpecPath, containerList, i], { ...podCtx, containerList }, issues);
    });
  }
  const volumeRules = collect(rules, (s) => s.volume);
  list(field(podSpec, 'volumes')).forEach((v, i) => {
    run(volumeRules, v, [...podSpecPath, 'volumes', i], podCtx, issues);
  });
  return issues.sort(compareIssues);
}
