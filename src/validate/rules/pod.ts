/**
 * Pod-spec-level rules of ValidatePodSpec and ValidatePodSecurityContext (Kubernetes 1.27
 * pkg/apis/core/validation/validation.go), after v1 defaulting (SetDefaults_PodSpec: restartPolicy
 * Always, dnsPolicy ClusterFirst). Container, volume and scheduling rules live in their own files;
 * the OS-specific rules are in `_pod-os.ts`.
 */
import type { FieldPath, Issue } from '../issue';
import { field, get, isObject, list, num, show } from '../read';
import { NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../rule';
import {
  nameIsDnsSubdomain,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  qualifiedNameErrors,
  validateLabelSelector,
} from './_names';
import { goString, isSet, isValidIP, localDescendingPathErrors } from './_values';
import { podOsRules } from './_pod-os';
import { validateResourceRequirements } from './resources';

const MAX_INT32 = 2 ** 31 - 1;

function isPod(ctx: RuleContext): boolean {
  return field(ctx.manifest, 'kind') === 'Pod';
}

/** An integer field, or undefined when absent, null or not an integer (the type rules' job). */
function int(v: unknown): number | undefined {
  const n = num(v);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

function notSupported(value: string, allowed: readonly string[]): string {
  return `Unsupported value: ${show(value)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`;
}

// validateRestartPolicy (1.27); "" is defaulted to Always first.
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const restartPolicy: Rule = (spec, path) => {
  const v = goString(get(spec, 'restartPolicy'));
  if (v === undefined || v === '' || RESTART_POLICIES.includes(v)) return NO_ISSUES;
  return [
    {
      path: [...path, 'restartPolicy'],
      code: 'pod/restart-policy-invalid',
      message: notSupported(v, RESTART_POLICIES),
    },
  ];
};

// validateDNSPolicy (1.27); "" is defaulted to ClusterFirst first.
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const dnsPolicy: Rule = (spec, path) => {
  const v = goString(get(spec, 'dnsPolicy'));
  if (v === undefined || v === '' || DNS_POLICIES.includes(v)) return NO_ISSUES;
  return [{ path: [...path, 'dnsPolicy'], code: 'pod/dns-policy-invalid', message: notSupported(v, DNS_POLICIES) }];
};

// validatePodDNSConfig (1.27, ExpandedDNSConfig on by default: 32 search paths, 2048 characters).
const dnsConfig: Rule = (spec, path) => {
  const cfg = get(spec, 'dnsConfig');
  if (!isObject(cfg) && get(spec, 'dnsPolicy') !== 'None') return NO_ISSUES; // nothing to check
  const out: Issue[] = [];
  const p: FieldPath = [...path, 'dnsConfig'];
  const nameservers = list(get(cfg, 'nameservers'));
  if (get(spec, 'dnsPolicy') === 'None') {
    if (!isSet(cfg)) {
      return [
        { path: p, code: 'pod/dns-config-required', message: 'must provide `dnsConfig` when `dnsPolicy` is None' },
      ];
    }
    if (nameservers.length === 0) {
      return [
        {
          path: [...p, 'nameservers'],
          code: 'pod/dns-nameserver-required',
          message: 'must provide at least one DNS nameserver when `dnsPolicy` is None',
        },
      ];
    }
  }
  if (!isObject(cfg)) return out;
  if (nameservers.length > 3) {
    out.push({
      path: [...p, 'nameservers'],
      code: 'pod/dns-nameservers-too-many',
      message: `must not have more than 3 nameservers, got ${nameservers.length}`,
    });
  }
  nameservers.forEach((ns, i) => {
    if (typeof ns === 'string' && !isValidIP(ns)) {
      out.push({
        path: [...p, 'nameservers', i],
        code: 'pod/dns-nameserver-invalid',
        message: `must be valid IP address, got ${show(ns)}`,
      });
    }
  });
  const searches = list(get(cfg, 'searches'));
  if (searches.length > 32) {
    out.push({
      path: [...p, 'searches'],
      code: 'pod/dns-searches-too-many',
      message: `must not have more than 32 search paths, got ${searches.length}`,
    });
  }
  const joined = searches.filter((s) => typeof s === 'string').join(' ');
  if (Buffer.byteLength(joined) > 2048) {
    out.push({
      path: [...p, 'searches'],
      code: 'pod/dns-searches-too-long',
      message: `must not have more than 2048 characters (including spaces) in the search list, got ${Buffer.byteLength(joined)}`,
    });
  }
  searches.forEach((s, i) => {
    if (typeof s !== 'string') return;
    const errs = dns1123SubdomainErrors(s.endsWith('.') ? s.slice(0, -1) : s);
    if (errs.length > 0)
      out.push({
        path: [...p, 'searches', i],
        code: 'pod/dns-search-invalid',
        message: `${show(s)}: ${errs.join('; ')}`,
      });
  });
  list(get(cfg, 'options')).forEach((o, i) => {
    if (goString(get(o, 'name')) === '')
      out.push({
        path: [...p, 'options', i],
        code: 'pod/dns-option-name-required',
        message: 'must not be empty: set the option name',
      });
  });
  return out;
};

function idRange(v: unknown, p: FieldPath, what: string): readonly Issue[] {
  const n = int(v);
  if (n === undefined || (n >= 0 && n <= MAX_INT32)) return NO_ISSUES;
  return [
    {
      path: p,
      code: 'pod/security-context-id-out-of-range',
      message: `${what} must be between 0 and ${MAX_INT32}, inclusive, got ${n}`,
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
const podSecurityContext: Rule = (spec, path) => {
  const sc = get(spec, 'securityContext');
  const shareBoth = get(spec, 'shareProcessNamespace') === true && get(spec, 'hostPID') === true;
  if (!isObject(sc) && !shareBoth) return NO_ISSUES; // every check below reads the context, but one
  const out: Issue[] = [];
  const p: FieldPath = [...path, 'securityContext'];
  out.push(...idRange(get(sc, 'fsGroup'), [...p, 'fsGroup'], 'fsGroup'));
  out.push(...idRange(get(sc, 'runAsUser'), [...p, 'runAsUser'], 'runAsUser'));
  out.push(...idRange(get(sc, 'runAsGroup'), [...p, 'runAsGroup'], 'runAsGroup'));
  list(get(sc, 'supplementalGroups')).forEach((g, i) => {
    out.push(...idRange(g, [...p, 'supplementalGroups', i], 'a supplemental group'));
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
  return out;
};

// validateHostNetwork (1.27, called from ValidatePodSecurityContext): after defaulting copies
// containerPort into an unset hostPort, the two must match for regular containers.
const hostNetworkPorts: Rule = (spec, path) => {
  if (get(spec, 'hostNetwork') !== true) return NO_ISSUES;
  const out: Issue[] = [];
  list(get(spec, 'containers')).forEach((c, i) => {
    list(get(c, 'ports')).forEach((port, j) => {
      const hp = int(get(port, 'hostPort')) ?? 0;
      const cp = int(get(port, 'containerPort'));
      if (cp === undefined || hp === 0 || hp === cp) return;
      out.push({
        path: [...path, 'containers', i, 'ports', j, 'containerPort'],
        code: 'pod/host-network-port-mismatch',
        message: `must match \`hostPort\` when \`hostNetwork\` is true, got containerPort ${cp} and hostPort ${hp}`,
      });
    });
  });
  return out;
};

// validateReadinessGates (1.27)
const readinessGates: Rule = (spec, path) => {
  const gates = list(get(spec, 'readinessGates'));
  if (gates.length === 0) return NO_ISSUES;
  return gates.flatMap((g, i) => {
    const t = goString(get(g, 'conditionType'));
    const errs = t === undefined ? [] : qualifiedNameErrors(t);
    return errs.length === 0
      ? []
      : [
          {
            path: [...path, 'readinessGates', i, 'conditionType'],
            code: 'pod/readiness-gate-invalid',
            message: `${show(t)}: ${errs.join('; ')}`,
          },
        ];
  });
};

// validateSchedulingGates (1.27; PodSchedulingReadiness is beta and on): reported at the index.
const schedulingGates: Rule = (spec, path) => {
  const gates = list(get(spec, 'schedulingGates'));
  if (gates.length === 0) return NO_ISSUES;
  const out: Issue[] = [];
  const seen = new Set<string>();
  gates.forEach((g, i) => {
    const name = goString(get(g, 'name'));
    if (name === undefined) return;
    const errs = qualifiedNameErrors(name);
    if (errs.length > 0)
      out.push({
        path: [...path, 'schedulingGates', i],
        code: 'pod/scheduling-gate-invalid',
        message: `${show(name)}: ${errs.join('; ')}`,
      });
    if (seen.has(name))
      out.push({
        path: [...path, 'schedulingGates', i],
        code: 'pod/scheduling-gate-duplicate',
        message: `Duplicate value: ${show(name)}`,
      });
    seen.add(name);
  });
  return out;
};

const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];
const NODE_INCLUSION_POLICIES = ['Honor', 'Ignore'];

// validateTopologySpreadConstraints (1.27; minDomains, node inclusion policies and matchLabelKeys are beta and on)
const topologySpread: Rule = (spec, path) => {
  const all = list(get(spec, 'topologySpreadConstraints'));
  if (all.length === 0) return NO_ISSUES;
  const out: Issue[] = [];
  all.forEach((c, i) => {
    const p: FieldPath = [...path, 'topologySpreadConstraints', i];
    const maxSkew = get(c, 'maxSkew') ?? 0;
    if (typeof maxSkew === 'number' && maxSkew <= 0)
      out.push({
        path: [...p, 'maxSkew'],
        code: 'pod/spread-max-skew-not-positive',
        message: `must be greater than zero, got ${maxSkew}`,
      });
    const tk = goString(get(c, 'topologyKey'));
    if (tk === '')
      out.push({
        path: [...p, 'topologyKey'],
        code: 'pod/spread-topology-key-required',
        message: 'can not be empty: set a node label key such as "topology.kubernetes.io/zone"',
      });
    const wu = goString(get(c, 'whenUnsatisfiable'));
    if (wu !== undefined && !WHEN_UNSATISFIABLE.includes(wu))
      out.push({
        path: [...p, 'whenUnsatisfiable'],
        code: 'pod/spread-when-unsatisfiable-invalid',
        message: notSupported(wu, WHEN_UNSATISFIABLE),
      });
    if (
      tk !== undefined &&
      wu !== undefined &&
      all
        .slice(i + 1)
        .some((o) => goString(get(o, 'topologyKey')) === tk && goString(get(o, 'whenUnsatisfiable')) === wu)
    ) {
      out.push({
        path: [...p, '{topologyKey, whenUnsatisfiable}'],
        code: 'pod/spread-constraint-duplicate',
        message: `Duplicate value: "{${tk}, ${wu}}"`,
      });
    }
    const minDomains = get(c, 'minDomains');
    if (typeof minDomains === 'number') {
      if (minDomains <= 0)
        out.push({
          path: [...p, 'minDomains'],
          code: 'pod/spread-min-domains-not-positive',
          message: `must be greater than zero, got ${minDomains}`,
        });
      if (wu !== 'DoNotSchedule') {
        out.push({
          path: [...p, 'minDomains'],
          code: 'pod/spread-min-domains-needs-do-not-schedule',
          message: `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${wu ?? show(get(c, 'whenUnsatisfiable'))}`,
        });
      }
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const v = get(c, policy);
      if (typeof v === 'string' && !NODE_INCLUSION_POLICIES.includes(v))
        out.push({
          path: [...p, policy],
          code: 'pod/spread-node-policy-invalid',
          message: notSupported(v, NODE_INCLUSION_POLICIES),
        });
    }
    const selector = get(c, 'labelSelector');
    const keys = list(get(c, 'matchLabelKeys'));
    if (keys.length > 0) {
      const selectorKeys = new Set<unknown>([
        ...Object.keys(isObject(get(selector, 'matchLabels')) ? (get(selector, 'matchLabels') as object) : {}),
        ...list(get(selector, 'matchExpressions')).map((e) => get(e, 'key')),
      ]);
      if (!isSet(selector))
        out.push({
          path: [...p, 'matchLabelKeys'],
          code: 'pod/spread-match-label-keys-without-selector',
          message: 'must not be specified when labelSelector is not set',
        });
      keys.forEach((k, j) => {
        if (typeof k !== 'string') return;
        const errs = qualifiedNameErrors(k);
        if (errs.length > 0)
          out.push({
            path: [...p, 'matchLabelKeys', j],
            code: 'pod/spread-match-label-key-invalid',
            message: `${show(k)}: ${errs.join('; ')}`,
          });
        if (selectorKeys.has(k))
          out.push({
            path: [...p, 'matchLabelKeys', j],
            code: 'pod/spread-match-label-key-in-selector',
            message: `${show(k)} exists in both matchLabelKeys and labelSelector`,
          });
      });
    }
    out.push(...validateLabelSelector(selector, [...p, 'labelSelector']));
  });
  return out;
};

/** A name field checked only when non-empty, with a ValidateNameFunc-like check. */
function nameField(
  spec: unknown,
  path: FieldPath,
  f: string,
  code: string,
  check: (v: string) => readonly string[],
  v = goString(get(spec, f)),
): readonly Issue[] {
  if (v === undefined || v === '') return NO_ISSUES;
  const errs = check(v);
  return errs.length === 0 ? [] : [{ path: [...path, f], code, message: `${show(v)}: ${errs.join('; ')}` }];
}

// ValidatePodSpec (1.27): names. The v1 `serviceAccount` is an alias used when serviceAccountName is empty.
const subdomain = (v: string): readonly string[] => nameIsDnsSubdomain(v, false);
const names: Rule = (spec, path) => {
  const sa = goString(get(spec, 'serviceAccountName'));
  const effectiveSa = sa === '' ? goString(get(spec, 'serviceAccount')) : sa;
  const found = [
    nameField(spec, path, 'serviceAccountName', 'pod/service-account-name-invalid', subdomain, effectiveSa),
    nameField(spec, path, 'nodeName', 'pod/node-name-invalid', subdomain),
    nameField(spec, path, 'hostname', 'pod/hostname-invalid', dns1123LabelErrors),
    nameField(spec, path, 'subdomain', 'pod/subdomain-invalid', dns1123LabelErrors),
    nameField(spec, path, 'priorityClassName', 'pod/priority-class-name-invalid', subdomain),
  ];
  return found.every((f) => f.length === 0) ? NO_ISSUES : found.flat();
};

// ValidateRuntimeClassName (1.27): a set runtimeClassName, even "", must be a DNS subdomain.
const runtimeClassName: Rule = (spec, path) => {
  const v = get(spec, 'runtimeClassName');
  if (typeof v !== 'string') return NO_ISSUES;
  const errs = nameIsDnsSubdomain(v, false);
  return errs.length === 0
    ? []
    : [
        {
          path: [...path, 'runtimeClassName'],
          code: 'pod/runtime-class-name-invalid',
          message: `${show(v)}: ${errs.join('; ')}`,
        },
      ];
};

// ValidatePodSpec (1.27): activeDeadlineSeconds in 1..MaxInt32.
const activeDeadlineSeconds: Rule = (spec, path) => {
  const n = int(get(spec, 'activeDeadlineSeconds'));
  if (n === undefined || (n >= 1 && n <= MAX_INT32)) return NO_ISSUES;
  return [
    {
      path: [...path, 'activeDeadlineSeconds'],
      code: 'pod/active-deadline-out-of-range',
      message: `must be between 1 and ${MAX_INT32}, inclusive, got ${n}`,
    },
  ];
};

// ValidateHostAliases (1.27): reported at `hostAliases.ip` and `hostAliases.hostnames`, without the
// index, as the 1.27 server prints them.
const hostAliases: Rule = (spec, path) => {
  const out: Issue[] = [];
  for (const a of list(get(spec, 'hostAliases'))) {
    const ip = goString(get(a, 'ip'));
    if (ip !== undefined && !isValidIP(ip))
      out.push({
        path: [...path, 'hostAliases', 'ip'],
        code: 'pod/host-alias-ip-invalid',
        message: `must be valid IP address, got ${show(ip)}`,
      });
    for (const h of list(get(a, 'hostnames'))) {
      if (typeof h !== 'string') continue;
      const errs = dns1123SubdomainErrors(h);
      if (errs.length > 0)
        out.push({
          path: [...path, 'hostAliases', 'hostnames'],
          code: 'pod/host-alias-hostname-invalid',
          message: `${show(h)}: ${errs.join('; ')}`,
        });
    }
  }
  return out;
};

// ValidatePreemptionPolicy (1.27): a set value, even "", must be one of the two.
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const preemptionPolicy: Rule = (spec, path) => {
  const v = get(spec, 'preemptionPolicy');
  if (typeof v !== 'string' || PREEMPTION_POLICIES.includes(v)) return NO_ISSUES;
  return [
    {
      path: [...path, 'preemptionPolicy'],
      code: 'pod/preemption-policy-invalid',
      message: v === '' ? 'Required value: use PreemptLowerPriority or Never' : notSupported(v, PREEMPTION_POLICIES),
    },
  ];
};

// validateOverhead (1.27): the overhead is checked as a container's limits would be, so the server
// reports it at `overhead.limits[<name>]`.
const overhead: Rule = (spec, path) => {
  const o = get(spec, 'overhead');
  return isObject(o) ? validateResourceRequirements({ limits: o }, [...path, 'overhead'], false) : [];
};

// ValidatePodTemplateSpec (1.27) forbids ephemeral containers in a template; ValidatePodCreate forbids them on create.
const ephemeralContainers: Rule = (spec, path, ctx) => {
  if (list(get(spec, 'ephemeralContainers')).length === 0) return NO_ISSUES;
  return [
    {
      path: [...path, 'ephemeralContainers'],
      code: 'pod/ephemeral-containers-forbidden',
      message: isPod(ctx)
        ? 'cannot be set on create: add them later with `kubectl debug`'
        : 'ephemeral containers not allowed in pod template',
    },
  ];
};

// ValidatePodCreate (1.27): a Pod cannot be bound to a node while scheduling gates remain.
const nodeNameWithGates: Rule = (spec, path, ctx) => {
  if (!isPod(ctx) || !goString(get(spec, 'nodeName')) || list(get(spec, 'schedulingGates')).length === 0)
    return NO_ISSUES;
  return [
    {
      path: [...path, 'nodeName'],
      code: 'pod/node-name-with-scheduling-gates',
      message: 'cannot be set until all schedulingGates have been cleared',
    },
  ];
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
const seccompAnnotationsMatchFields: Rule = (spec, path, ctx) => {
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

export const podRules: RuleSet = {
  podSpec: [
    restartPolicy,
    dnsPolicy,
    dnsConfig,
    podSecurityContext,
    hostNetworkPorts,
    readinessGates,
    schedulingGates,
    topologySpread,
    names,
    runtimeClassName,
    activeDeadlineSeconds,
    hostAliases,
    preemptionPolicy,
    overhead,
    ephemeralContainers,
    nodeNameWithGates,
    seccompAnnotationsMatchFields,
    ...podOsRules,
  ],
};
