import { afterAll, describe, expect, it } from 'vitest';
import { planDaemonSet } from '../../src/plan';
import { toFieldPath } from '../../src/validate/issue';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../src/validate/versions';
import { corpusDaemonSets } from '../support/corpus-daemonsets';
import { CORPORA } from '../support/manifest';
import { findOracle, oracleUpdate } from '../support/oracle-update';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Differential test of `plan` against the real API server's update path (k8s-oracle update mode):
 * on pairs built from the corpus DaemonSets, at every minor, `rejected` must give the server's
 * verdict with the same field paths, `restart` must be `none` exactly when the server says the
 * template stayed the same (after PrepareForUpdate's drops), and the `warning/*` entries of
 * `warnings` must be the server's WarningsOnUpdate texts.
 */
const ORACLE = findOracle();
if (!ORACLE || !CORPORA) {
  console.warn(
    'plan/oracle.test.ts: the k8s-oracle (K8S_SHARED) or the corpus DaemonSets (K8S_CORPORA) are missing, so the differential plan test is SKIPPED.',
  );
}

const clone = (v: any) => JSON.parse(JSON.stringify(v));
const pod = (m: any) => m.spec.template.spec;
const first = (m: any) => pod(m).containers[0];

/**
 * Mutations of a valid DaemonSet: some rejected on update, some restarting, some neither. `old`
 * edits the stored side too (a field both sides have).
 */
const MUTATIONS: { name: string; edit: (m: any) => void; old?: (m: any) => void }[] = [
  { name: 'nothing', edit: () => {} },
  { name: 'image bump', edit: (m) => (first(m).image = `${first(m).image.split('@')[0]}-next`) },
  {
    name: 'selector and labels renamed',
    edit: (m) => {
      m.spec.selector = { matchLabels: { 'plan-test/renamed': 'yes' } };
      m.spec.template.metadata.labels = { ...m.spec.template.metadata.labels, 'plan-test/renamed': 'yes' };
    },
  },
  {
    name: 'selector narrowed by an expression that still matches',
    edit: (m) => {
      const [key] = Object.keys(m.spec.selector.matchLabels ?? {});
      m.spec.selector.matchExpressions = [...(m.spec.selector.matchExpressions ?? []), { key, operator: 'Exists' }];
    },
  },
  { name: 'selector matchExpressions: [] written out', edit: (m) => (m.spec.selector.matchExpressions ??= []) },
  { name: 'invalid container name', edit: (m) => (first(m).name = 'Bad_Name') },
  { name: 'negative minReadySeconds', edit: (m) => (m.spec.minReadySeconds = -1) },
  { name: 'negative revisionHistoryLimit', edit: (m) => (m.spec.revisionHistoryLimit = -1) },
  {
    name: 'no surge and no unavailability',
    edit: (m) => (m.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
  },
  {
    name: 'OnDelete with an image bump',
    edit: (m) => {
      m.spec.updateStrategy = { type: 'OnDelete' };
      first(m).image = `${first(m).image.split('@')[0]}-next`;
    },
  },
  { name: 'only minReadySeconds', edit: (m) => (m.spec.minReadySeconds = 15) },
  { name: 'template labels no longer match', edit: (m) => (m.spec.template.metadata.labels = { other: 'x' }) },
  // Refused up to 1.31, accepted from 1.32: ValidateEnv's name check (pkg/apis/core/validation)
  // is `if opts.AllowRelaxedEnvironmentVariableValidation` IsRelaxedEnvVarName, else IsEnvVarName
  // (a C identifier); GetValidationOptionsFromPodSpecAndMeta sets the option from the gate
  // RelaxedEnvironmentVariableValidation, beta and on by default from 1.32 (1.30-1.31: alpha, off).
  // The 23 disagreements at 1.34 were our rule checking IsEnvVarName at every minor; the rule now
  // reads the option from the minor's profile (rules/env.ts nameErrors), and every minor agrees.
  {
    name: 'env name with a space',
    edit: (m) => (first(m).env = [...(first(m).env ?? []), { name: 'A B', value: '1' }]),
  },
  { name: 'checksum annotation', edit: (m) => (m.spec.template.metadata.annotations = { 'checksum/config': 'abc' }) },
  {
    name: 'port written as a hostPort',
    edit: (m) => {
      for (const p of first(m).ports ?? []) p.hostPort ??= p.containerPort;
    },
  },
  // Fields a gate guards: dropped by PrepareForUpdate where the gate is off (the template stays the
  // same, nothing restarts), kept and rolled out where it is on; unknown to the decoder before.
  { name: 'hostUsers: true added', edit: (m) => (pod(m).hostUsers = true) },
  {
    name: 'resizePolicy added',
    edit: (m) => (first(m).resizePolicy = [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]),
  },
  {
    name: 'a sidecar init container added',
    edit: (m) => (pod(m).initContainers = [{ name: 'sidecar', image: 'busybox:1.36', restartPolicy: 'Always' }]),
  },
  // WarningsOnUpdate: sent only when the template changes.
  {
    name: 'deprecated node label added to nodeSelector',
    edit: (m) => (pod(m).nodeSelector = { ...pod(m).nodeSelector, 'beta.kubernetes.io/arch': 'amd64' }),
  },
  {
    name: 'deprecated node label kept, image bumped',
    old: (m) => (pod(m).nodeSelector = { ...pod(m).nodeSelector, 'beta.kubernetes.io/arch': 'amd64' }),
    edit: (m) => {
      pod(m).nodeSelector = { ...pod(m).nodeSelector, 'beta.kubernetes.io/arch': 'amd64' };
      first(m).image = `${first(m).image.split('@')[0]}-next`;
    },
  },
  {
    name: 'deprecated node label kept, only minReadySeconds changed',
    old: (m) => (pod(m).nodeSelector = { ...pod(m).nodeSelector, 'beta.kubernetes.io/arch': 'amd64' }),
    edit: (m) => {
      pod(m).nodeSelector = { ...pod(m).nodeSelector, 'beta.kubernetes.io/arch': 'amd64' };
      m.spec.minReadySeconds = 30;
    },
  },
];

/** Our warning as the server prints it (engine-fixtures.test.ts does the same). */
const serverText = (w: { path: readonly unknown[]; message: string }) =>
  w.message.startsWith('volume "') ? w.message : `${toFieldPath(w.path as never)}: ${w.message}`;

const figures: string[] = [];

describe.skipIf(!ORACLE || !CORPORA)('plan agrees with the API server update path (k8s-oracle)', () => {
  const bases = corpusDaemonSets();

  it.each(SUPPORTED_KUBERNETES_VERSIONS)('at %s', (minor) => {
    const cases = bases.flatMap(({ file, manifest }) =>
      MUTATIONS.map((mut) => {
        const old = clone(manifest);
        mut.old?.(old);
        const edited = clone(old);
        mut.edit(edited);
        return { label: `${file}: ${mut.name}`, old, new: edited };
      }),
    );
    const server = oracleUpdate(
      ORACLE!,
      minor,
      cases.map((c) => [c.old, c.new] as const),
    );
    let compared = 0;
    let verdicts = 0;
    let paths = 0;
    let restarts = 0;
    let warned = 0;
    let warnings = 0;
    const warningDiffs: string[] = [];
    const verdictDiffs: string[] = [];
    const pathDiffs: string[] = [];
    const restartDiffs: string[] = [];
    cases.forEach((c, i) => {
      const s = server[i];
      if (s.verdict !== 'VALID' && s.verdict !== 'INVALID') return; // OLD refused, or not decoded: nothing to plan
      compared++;
      const id = { namespace: c.new.metadata.namespace, name: c.new.metadata.name };
      const p = planDaemonSet(id, c.old, c.new, { kubernetesVersion: minor });
      const rejected = p.rejected.length > 0;
      if (rejected === (s.verdict === 'INVALID')) verdicts++;
      else
        verdictDiffs.push(
          `${c.label}: ours ${rejected ? 'rejected' : 'accepted'}, server ${s.verdict} ${s.details.slice(0, 160)}`,
        );
      const ours = [...new Set(p.rejected.map((r) => toFieldPath(r.path)))].sort();
      if (JSON.stringify(ours) === JSON.stringify(s.paths)) paths++;
      else pathDiffs.push(`${c.label}: ours ${ours.join(', ')} | server ${s.paths.join(', ')}`);
      const changed = p.restart === 'all-nodes' || p.restart === 'on-delete';
      if (changed === (s.template === 'changed')) restarts++;
      else restartDiffs.push(`${c.label}: ours ${p.restart}, server ${s.template}`);
      if (s.verdict !== 'VALID') return;
      const ourWarnings = [...new Set(p.warnings.filter((w) => w.code.startsWith('warning/')).map(serverText))].sort();
      const serverWarnings = [...new Set(s.warnings)].sort();
      if (serverWarnings.length > 0) warned++;
      if (JSON.stringify(ourWarnings) === JSON.stringify(serverWarnings)) warnings++;
      else warningDiffs.push(`${c.label}: ours ${ourWarnings.join(' ;; ')} | server ${serverWarnings.join(' ;; ')}`);
    });
    figures.push(
      `${minor}: ${compared} pairs run by the server; verdicts agree ${verdicts}, field paths agree ${paths}, restart agrees ${restarts}, warnings agree ${warnings} (${warned} with warnings)`,
    );
    expect(warningDiffs).toEqual([]);
    expect(verdictDiffs).toEqual([]);
    expect(pathDiffs).toEqual([]);
    expect(restartDiffs).toEqual([]);
    expect(compared).toBeGreaterThan(bases.length * 10);
    expect(warned).toBeGreaterThan(bases.length);
  });

  afterAll(() => console.log(`plan vs k8s-oracle --update:\n  ${figures.join('\n  ')}`));
});
