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
 * The rules of each node kind, gathered once per list of rule sets rather than on every call
 * (a list is readonly: one that changed after use would keep its first gathering).
 */
interface Gathered {
  readonly manifest: Rule[];
  readonly objectMeta: Rule[];
  readonly podSpec: Rule[];
  readonly container: Rule[];
  readonly volume: Rule[];
}

const GATHERED = new WeakMap<readonly RuleSet[], Gathered>();

function gather(sets: readonly RuleSet[]): Gathered {
  let g = GATHERED.get(sets);
  if (!g) {
    g = {
      manifest: collect(sets, (s) => s.manifest),
      objectMeta: collect(sets, (s) => s.objectMeta),
      podSpec: collect(sets, (s) => s.podSpec),
      container: collect(sets, (s) => s.container),
      volume: collect(sets, (s) => s.volume),
    };
    GATHERED.set(sets, g);
  }
  return g;
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
  const gathered = gather(rules);
  const base: RuleContext = { manifest };
  run(gathered.manifest, manifest, [], base, issues);
  const metaRules = gathered.objectMeta;
  run(metaRules, field(manifest, 'metadata'), ['metadata'], { ...base, metadataOf: 'object' }, issues);

  const podSpecPath: FieldPath = kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec'];
  if (kind !== 'Pod') {
    run(metaRules, field(manifest, 'spec', 'template', 'metadata'), ['spec', 'template', 'metadata'],
      { ...base, metadataOf: 'podTemplate' }, issues);
  }
  const podSpec = field(manifest, ...(podSpecPath as string[]));
  const podCtx: RuleContext = { ...base, podSpec, podSpecPath };
  run(gathered.podSpec, podSpec, podSpecPath, podCtx, issues);

  const containerRules = gathered.container;
  for (const containerList of CONTAINER_LISTS) {
    list(field(podSpec, containerList)).forEach((c, i) => {
      run(containerRules, c, [...podSpecPath, containerList, i], { ...podCtx, containerList }, issues);
    });
  }
  const volumeRules = gathered.volume;
  list(field(podSpec, 'volumes')).forEach((v, i) => {
    run(volumeRules, v, [...podSpecPath, 'volumes', i], podCtx, issues);
  });
  return issues.sort(compareIssues);
}
