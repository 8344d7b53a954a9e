import { compareIssues, type FieldPath, type Issue } from './issue';
import { field, list, str } from './read';
import type { Rule, RuleContext, RuleSet } from './rule';
import { ALL_RULES } from './rules';
import { DEFAULT_KUBERNETES_VERSION } from './versions/minors';
import { profileOf, type VersionProfile } from './versions/profile';

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

/** apiVersions Kubernetes served a validated kind under and no longer does (DaemonSet: removed in 1.16). */
const REMOVED_VERSIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['DaemonSet', ['extensions/v1beta1', 'apps/v1beta2']],
]);

/**
 * The engine's one kind/apiVersion gate: no issue for a kind and version it has rules for;
 * `manifest/api-version` for a kind it checks at a version not served; `manifest/kind-unsupported`
 * for any other kind. Callers that skip documents ask VALIDATED_KINDS for the kind alone, so a
 * DaemonSet at a wrong version is reported, not skipped.
 */
export function kindGate(manifest: unknown): Issue | undefined {
  if (isValidatedKind(manifest)) return undefined;
  const kind = str(field(manifest, 'kind'));
  const apiVersion = field(manifest, 'apiVersion');
  const served = kind === undefined ? undefined : VALIDATED_KINDS.get(kind);
  if (served !== undefined) {
    const removed = typeof apiVersion === 'string' && REMOVED_VERSIONS.get(kind!)?.includes(apiVersion);
    return {
      path: ['apiVersion'],
      code: 'manifest/api-version',
      message: `${kind} is served as ${served}, got ${JSON.stringify(apiVersion)}${removed ? ' (removed in Kubernetes 1.16)' : ''}`,
    };
  }
  const expected = [...VALIDATED_KINDS].map(([k, v]) => `${v} ${k}`).join(' or ');
  return {
    path: [],
    code: 'manifest/kind-unsupported',
    message: `expected ${expected}, got apiVersion ${JSON.stringify(apiVersion)} kind ${JSON.stringify(kind)}`,
  };
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

// Pushed one by one rather than spread: most rules return no issue, and a spread call per rule
// costs more than the rule itself.
function run(rules: readonly Rule[], node: unknown, path: FieldPath, ctx: RuleContext, out: Issue[]): void {
  for (let r = 0; r < rules.length; r++) {
    const found = rules[r](node, path, ctx);
    for (let i = 0; i < found.length; i++) out.push(found[i]);
  }
}

function collect(sets: readonly RuleSet[], pick: (s: RuleSet) => readonly Rule[] | undefined): Rule[] {
  return sets.flatMap((s) => pick(s) ?? []);
}

/**
 * The rules of each node kind, gathered once per list of rule sets rather than on every call
 * (a list is readonly: one that changed after use would keep its first gathering).
 */
export interface Gathered {
  readonly manifest: Rule[];
  readonly objectMeta: Rule[];
  readonly podSpec: Rule[];
  readonly container: Rule[];
  readonly volume: Rule[];
}

const GATHERED = new WeakMap<readonly RuleSet[], Gathered>();

export function gather(sets: readonly RuleSet[]): Gathered {
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
 * and returns every issue, sorted by field path. Other documents yield the single issue of kindGate.
 */
export function validateManifest(manifest: unknown, rules: readonly RuleSet[] = ALL_RULES): Issue[] {
  return validateManifestFor(manifest, rules, profileOf(DEFAULT_KUBERNETES_VERSION));
}

/** `validateManifest` with the rules reading the given minor's profile (the pipeline's validation phase). */
export function validateManifestFor(manifest: unknown, rules: readonly RuleSet[], profile: VersionProfile): Issue[] {
  const gate = kindGate(manifest);
  if (gate) return [gate];
  const issues: Issue[] = [];
  visitRules(manifest, gather(rules), profile, new Map(), (r, node, path, ctx) => run(r, node, path, ctx, issues));
  return issues.sort(compareIssues);
}

/** How a caller of visitRules runs the rules of one node (range mode runs them for several minors). */
export type RunRules = (rules: readonly Rule[], node: unknown, path: FieldPath, ctx: RuleContext) => void;

/**
 * Hands each node of a manifest that passed the kind gate, with its context, to `runRules` with
 * the rules of its kind: the manifest, both metadata, the pod spec, each container, each volume,
 * in that order.
 */
export function visitRules(
  manifest: unknown,
  gathered: Gathered,
  profile: VersionProfile,
  memo: Map<object, unknown>,
  runRules: RunRules,
): void {
  const kind = str(field(manifest, 'kind'));
  // Contexts are written out rather than spread from a base: same fields, in the same order.
  runRules(gathered.manifest, manifest, [], { manifest, profile, memo });
  const metaRules = gathered.objectMeta;
  runRules(metaRules, field(manifest, 'metadata'), ['metadata'], { manifest, metadataOf: 'object', profile, memo });

  const isPod = kind === 'Pod';
  const podSpecPath: FieldPath = isPod ? ['spec'] : ['spec', 'template', 'spec'];
  if (!isPod) {
    runRules(metaRules, field(manifest, 'spec', 'template', 'metadata'), ['spec', 'template', 'metadata'], {
      manifest,
      metadataOf: 'podTemplate',
      profile,
      memo,
    });
  }
  const podSpec = isPod ? field(manifest, 'spec') : field(manifest, 'spec', 'template', 'spec');
  const podCtx: RuleContext = { manifest, podSpec, podSpecPath, profile, memo };
  runRules(gathered.podSpec, podSpec, podSpecPath, podCtx);

  const containerRules = gathered.container;
  for (const containerList of CONTAINER_LISTS) {
    const containers = list(field(podSpec, containerList));
    if (containers.length === 0) continue;
    const ctx: RuleContext = { manifest, podSpec, podSpecPath, containerList, profile, memo };
    for (let i = 0; i < containers.length; i++) {
      if (!(i in containers)) continue; // forEach skipped holes; kept so custom rules see the same calls
      runRules(containerRules, containers[i], [...podSpecPath, containerList, i], ctx);
    }
  }
  const volumeRules = gathered.volume;
  const volumes = list(field(podSpec, 'volumes'));
  for (let i = 0; i < volumes.length; i++) {
    if (!(i in volumes)) continue;
    runRules(volumeRules, volumes[i], [...podSpecPath, 'volumes', i], podCtx);
  }
}
