import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPodSecurity, type PssLevel, type PssVersion } from '../../src/pss';
import { toFieldPath } from '../../src/validate/issue';
import { readYamlStream } from '../../src/yaml';
import { CORPORA } from '../support/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */

// Layout and verdicts: corpora/pod-security/README.md (kubernetes/pod-security-admission v0.27.16 test/testdata).
const ROOT = CORPORA === undefined ? undefined : join(CORPORA, 'pod-security', 'testdata');
if (ROOT === undefined) console.warn('K8S_CORPORA is not set: skipping the Pod Security corpus test');

/** The substring upstream's integration test requires in the denial (README table; fixture generators). */
const SUBSTRING: Record<string, string> = {
  allowprivilegeescalation: 'allowPrivilegeEscalation',
  apparmorprofile: 'forbidden AppArmor profile',
  capabilities_baseline: 'capabilities',
  capabilities_restricted: 'unrestricted capabilities',
  hostnamespaces: 'host namespaces',
  hostpathvolumes: 'hostPath',
  hostports: 'hostPort',
  privileged: 'privileged',
  procmount: 'procMount',
  restrictedvolumes: 'restricted volume types',
  runasnonroot: 'runAsNonRoot',
  runasuser: 'runAsUser',
  selinuxoptions: 'seLinuxOptions',
  seccompprofile_baseline: 'seccompProfile',
  seccompprofile_restricted: 'seccompProfile',
  sysctls: 'forbidden sysctl',
  windowshostprocess: 'hostProcess',
};

/**
 * The check IDs (lowercased) that may deny a fail fixture: its own, or at restricted the restricted
 * check that replaces it at that version (OverrideCheckIDs in policy/check_restrictedVolumes.go,
 * check_capabilities_restricted.go, check_seccompProfile_restricted.go).
 */
function denyingChecks(name: string, level: string, minor: number): string[] {
  if (level !== 'restricted') return [name];
  if (name === 'hostpathvolumes') return ['restrictedvolumes'];
  if (name === 'capabilities_baseline' && minor >= 22) return ['capabilities_restricted'];
  if (name === 'seccompprofile_baseline' && minor >= 19) return ['seccompprofile_restricted'];
  return [name];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

/** The fixture's pod as a DaemonSet's template, as upstream wraps fixtures in workload templates. */
function asDaemonSet(pod: any): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'ds' },
    spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: pod.metadata, spec: pod.spec } },
  };
}

/** Why the verdict on one fixture disagrees with its path, or undefined when it agrees. */
function disagreement(
  manifest: unknown,
  level: PssLevel,
  version: PssVersion,
  verdict: string,
  name: string,
): string | undefined {
  const { violations } = checkPodSecurity(manifest, { level, version });
  const shown = violations.map((v) => `${v.check} ${toFieldPath(v.path)}: ${v.message}`).join('; ');
  if (verdict === 'pass') return violations.length === 0 ? undefined : `denied: ${shown}`;
  if (violations.length === 0) return 'allowed';
  if (name.startsWith('base')) return `unexpected fail fixture ${name}`;
  const ids = denyingChecks(name, level, Number(version.slice(3)));
  const hit = violations.find((v) => ids.includes(v.check.toLowerCase()) && v.message.includes(SUBSTRING[name]));
  return hit === undefined ? `no ${ids.join('/')} violation containing "${SUBSTRING[name]}": ${shown}` : undefined;
}

describe.skipIf(ROOT === undefined)('Pod Security corpus (pod-security-admission v0.27.16 testdata)', () => {
  const cases =
    ROOT === undefined
      ? []
      : yamlFiles(ROOT).map((file) => {
          const [level, version, verdict, base] = relative(ROOT, file).split(sep);
          const name = base.replace(/\d*\.yaml$/, '');
          const docs = readYamlStream(readFileSync(file, 'utf8'));
          return {
            file: relative(ROOT, file),
            level: level as PssLevel,
            version: version as PssVersion,
            verdict,
            name,
            pod: docs[0]?.value,
          };
        });

  it('reads every fixture of the corpus', () => {
    expect(cases.length).toBe(3185);
    expect(cases.every((c) => c.pod !== undefined && ['pass', 'fail'].includes(c.verdict))).toBe(true);
  });

  it('allows every pass/ pod and denies every fail/ pod through its own check', () => {
    const bad = cases.flatMap((c) => {
      const why = disagreement(c.pod, c.level, c.version, c.verdict, c.name);
      return why === undefined ? [] : [`${c.file}: ${why}`];
    });
    console.log(`Pod Security corpus, Pods: ${cases.length - bad.length}/${cases.length} agree`);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('gives every fixture the same verdict as a DaemonSet template, at template paths', () => {
    const bad = cases.flatMap((c) => {
      const why = disagreement(asDaemonSet(c.pod), c.level, c.version, c.verdict, c.name);
      const paths = checkPodSecurity(asDaemonSet(c.pod), { level: c.level, version: c.version }).violations.filter(
        (v) => !toFieldPath(v.path).startsWith('spec.template.'),
      );
      return why === undefined && paths.length === 0 ? [] : [`${c.file}: ${why ?? 'path outside the template'}`];
    });
    console.log(`Pod Security corpus, DaemonSets: ${cases.length - bad.length}/${cases.length} agree`);
    expect(bad.slice(0, 20)).toEqual([]);
  });
});
