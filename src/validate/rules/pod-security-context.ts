/**
 * ValidatePodSecurityContext (1.27) and the checks tied to it: sysctls, seccomp profiles and
 * their deprecated annotations. Part of the pod rules (`pod.ts`). validateHostNetwork's port check
 * is the ports rules' (`ports.ts`), where the defaulted host port is known.
 */
import type { FieldPath, Issue } from '../issue';
import { field, get, goString, int, intText, isObject, isSet, list, show } from '../read';
import { NO_ISSUES, type Rule } from '../rule';
import { isPod } from './_shared/container-context';
import { windowsOptionsIssues } from './_shared/windows-options';
import { localDescendingPathErrors, MAX_INT32, notSupported } from './_shared/values';

/** `v`, an ID read from `container[k]` (an object when `v` is a number), checked as IsValidUserID/IsValidGroupID do. */
function idRange(v: unknown, container: unknown, k: string | number, p: FieldPath, what: string): readonly Issue[] {
  const n = int(v);
  if (n === undefined || (n >= 0 && n <= MAX_INT32)) return NO_ISSUES;
  return [
    {
      path: [...p, k],
      code: 'pod/security-context-id-out-of-range',
      message: `${what} must be between 0 and ${MAX_INT32}, inclusive, got ${intText(container as object, k, n)}`,
    },
  ];
}

const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_RE = new RegExp(`^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`);

// validateSysctls (1.27)
function sysctls(items: readonly unknown[], p: FieldPath): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  items.forEach((s, i) => {
    const name = goString(get(s, 'name'));
    if (name === undefined) return;
    const np: FieldPath = [...p, i, 'name'];
    if (name === '')
      out.push({
        path: np,
        code: 'pod/sysctl-name-required',
        message: 'Required value: set the sysctl name, e.g. "net.ipv4.ip_forward"',
      });
    else if (Buffer.byteLength(name) > 253 || !SYSCTL_RE.test(name)) {
      out.push({
        path: np,
        code: 'pod/sysctl-name-invalid',
        message: `${show(name)} must have at most 253 characters and match regex ${SYSCTL_RE.source}`,
      });
    } else if (seen.has(name))
      out.push({ path: np, code: 'pod/sysctl-duplicate', message: `Duplicate value: ${show(name)}` });
    seen.add(name);
  });
  return out;
}

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

/** validateSeccompProfileField (1.27): for the pod's and (exported) each container's securityContext. */
export function seccompProfileField(sp: unknown, p: FieldPath): readonly Issue[] {
  if (!isObject(sp)) return NO_ISSUES;
  const out: Issue[] = [];
  const type = goString(get(sp, 'type'));
  const local = get(sp, 'localhostProfile');
  if (type === '')
    out.push({
      path: [...p, 'type'],
      code: 'pod/seccomp-type-required',
      message: 'type is required when seccompProfile is set',
    });
  else if (type !== undefined && !SECCOMP_TYPES.includes(type)) {
    out.push({ path: [...p, 'type'], code: 'pod/seccomp-type-invalid', message: notSupported(type, SECCOMP_TYPES) });
  }
  if (type === 'Localhost') {
    if (!isSet(local))
      out.push({
        path: [...p, 'localhostProfile'],
        code: 'pod/seccomp-localhost-profile-required',
        message: 'must be set when seccomp type is Localhost',
      });
    else if (typeof local === 'string') {
      const errs = localDescendingPathErrors(local);
      if (errs.length > 0)
        out.push({
          path: [...p, 'localhostProfile'],
          code: 'pod/seccomp-localhost-profile-invalid',
          message: `${show(local)}: ${errs.join('; ')}`,
        });
    }
  } else if (isSet(local) && type !== undefined) {
    out.push({
      path: [...p, 'localhostProfile'],
      code: 'pod/seccomp-localhost-profile-forbidden',
      message: `can only be set when seccomp type is Localhost, got type ${show(type)}`,
    });
  }
  return out;
}

const FS_GROUP_CHANGE_POLICIES = ['Always', 'OnRootMismatch'];

// ValidatePodSecurityContext (1.27); hostNetwork, hostPID and shareProcessNamespace sit in the
// internal PodSecurityContext, so their paths are the pod spec's.
export const podSecurityContext: Rule = (spec, path) => {
  const sc = get(spec, 'securityContext');
  const shareBoth = get(spec, 'shareProcessNamespace') === true && get(spec, 'hostPID') === true;
  if (!isObject(sc) && !shareBoth) return NO_ISSUES; // every check below reads the context, but one
  const out: Issue[] = [];
  const p: FieldPath = [...path, 'securityContext'];
  for (const f of ['fsGroup', 'runAsUser', 'runAsGroup']) out.push(...idRange(get(sc, f), sc, f, p, f));
  const groups = get(sc, 'supplementalGroups');
  list(groups).forEach((g, i) => {
    out.push(...idRange(g, groups, i, [...p, 'supplementalGroups'], 'a supplemental group'));
  });
  if (shareBoth) {
    out.push({
      path: [...p, 'shareProcessNamespace'],
      code: 'pod/share-process-namespace-with-host-pid',
      message: 'ShareProcessNamespace and HostPID cannot both be enabled: set one of them to false',
    });
  }
  out.push(...sysctls(list(get(sc, 'sysctls')), [...p, 'sysctls']));
  const fsPolicy = get(sc, 'fsGroupChangePolicy');
  if (isSet(fsPolicy) && typeof fsPolicy === 'string' && !FS_GROUP_CHANGE_POLICIES.includes(fsPolicy)) {
    out.push({
      path: [...p, 'fsGroupChangePolicy'],
      code: 'pod/fs-group-change-policy-invalid',
      message: notSupported(fsPolicy, FS_GROUP_CHANGE_POLICIES),
    });
  }
  out.push(...seccompProfileField(get(sc, 'seccompProfile'), [...p, 'seccompProfile']));
  // validatePodSpecSecurityContext (1.27) checks the pod's windowsOptions as a container's.
  out.push(...windowsOptionsIssues(get(sc, 'windowsOptions'), [...p, 'windowsOptions']));
  return out;
};

// validateSeccompAnnotationsAndFieldsMatch (1.27)
function seccompMatch(annotation: string, sp: unknown, p: FieldPath): readonly Issue[] {
  const type = get(sp, 'type');
  const forbid = (f: string, what: string): Issue[] => [
    {
      path: [...p, f],
      code: 'pod/seccomp-annotation-mismatch',
      message: `seccomp ${what} in annotation and field must match, annotation is ${show(annotation)}`,
    },
  ];
  if (type === 'Unconfined' && annotation !== 'unconfined') return forbid('type', 'type');
  if (type === 'RuntimeDefault' && annotation !== 'runtime/default' && annotation !== 'docker/default')
    return forbid('type', 'type');
  if (type === 'Localhost') {
    if (!annotation.startsWith('localhost/')) return forbid('type', 'type');
    if (get(sp, 'localhostProfile') !== annotation.slice('localhost/'.length))
      return forbid('localhostProfile', 'profile');
  }
  return NO_ISSUES;
}

// validateSeccompAnnotationsAndFields (1.27): where both the deprecated annotation and the field are set, they must agree.
export const seccompAnnotationsMatchFields: Rule = (spec, path, ctx) => {
  const ann = isPod(ctx)
    ? field(ctx.manifest, 'metadata', 'annotations')
    : field(ctx.manifest, 'spec', 'template', 'metadata', 'annotations');
  if (!isObject(ann)) return NO_ISSUES; // both checks need an annotation
  const out: Issue[] = [];
  const podSp = field(spec, 'securityContext', 'seccompProfile');
  const podAnn = get(ann, 'seccomp.security.alpha.kubernetes.io/pod');
  if (isObject(podSp) && typeof podAnn === 'string')
    out.push(...seccompMatch(podAnn, podSp, [...path, 'securityContext', 'seccompProfile']));
  for (const l of ['initContainers', 'containers', 'ephemeralContainers']) {
    list(get(spec, l)).forEach((c, i) => {
      const sp = field(c, 'securityContext', 'seccompProfile');
      const a = get(ann, `container.seccomp.security.alpha.kubernetes.io/${String(get(c, 'name') ?? '')}`);
      if (isObject(sp) && typeof a === 'string')
        out.push(...seccompMatch(a, sp, [...path, l, i, 'securityContext', 'seccompProfile']));
    });
  }
  return out;
};
