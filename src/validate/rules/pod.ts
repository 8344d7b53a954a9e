/**
 * Pod-spec-level rules of ValidatePodSpec and ValidatePodSecurityContext (Kubernetes 1.27
 * pkg/apis/core/validation/validation.go), after v1 defaulting (SetDefaults_PodSpec: restartPolicy
 * Always, dnsPolicy ClusterFirst). Container, volume and scheduling rules live in their own files;
 * the OS-specific rules are in `_shared/pod-os.ts`.
 */
import { DNS_POLICIES, isOneOf } from '../api-values';
import type { FieldPath, Issue } from '../issue';
import { get, goString, int, isObject, isSet, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import {
  nameIsDnsSubdomain,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  dns1123SubdomainWithUnderscoreErrors,
  qualifiedNameErrors,
} from './_shared/names';
import { podOsRules } from './_shared/pod-os';
import { podSecurityContext, seccompAnnotationsMatchFields } from './pod-security-context';
import { topologySpread } from './topology-spread';
import { isPod } from './_shared/container-context';
import { isValidIP } from './_shared/ip';
import { MAX_INT32, notSupported } from './_shared/values';
import { validateResourceRequirements } from './resources';

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
const dnsPolicy: Rule = (spec, path) => {
  const v = goString(get(spec, 'dnsPolicy'));
  if (v === undefined || v === '' || isOneOf(DNS_POLICIES, v)) return NO_ISSUES;
  return [{ path: [...path, 'dnsPolicy'], code: 'pod/dns-policy-invalid', message: notSupported(v, DNS_POLICIES) }];
};

// validatePodDNSConfig (1.27, ExpandedDNSConfig on by default: 32 search paths, 2048 characters).
const dnsConfig: Rule = (spec, path, ctx) => {
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
  // Here cfg is an object: a non-object was returned above (not None: first line; None: no nameservers).
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
  // 1.33+ (AllowRelaxedDNSSearchValidation): "." alone is skipped and '_' is allowed
  // (validatePodDNSConfig, 1.33); otherwise the trailing dot is trimmed before the check.
  const relaxed = ctx.profile.options.AllowRelaxedDNSSearchValidation;
  searches.forEach((s, i) => {
    if (typeof s !== 'string' || (relaxed && s === '.')) return;
    const trimmed = s.endsWith('.') ? s.slice(0, -1) : s;
    const errs = relaxed ? dns1123SubdomainWithUnderscoreErrors(trimmed) : dns1123SubdomainErrors(trimmed);
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

// ValidateHostAliases: up to 1.29 reported at `hostAliases.ip` and `hostAliases.hostnames`, without
// the index; 1.30 indexes both and words the IP error as IsValidIP does (switch hostAliasesIndexed).
const hostAliases: Rule = (spec, path, ctx) => {
  const aliases = list(get(spec, 'hostAliases'));
  if (aliases.length === 0) return NO_ISSUES;
  const indexed = ctx.profile.switches.hostAliasesIndexed;
  const out: Issue[] = [];
  aliases.forEach((a, i) => {
    const at: FieldPath = indexed ? [...path, 'hostAliases', i] : [...path, 'hostAliases'];
    const ip = goString(get(a, 'ip'));
    if (ip !== undefined && !isValidIP(ip))
      out.push({
        path: [...at, 'ip'],
        code: 'pod/host-alias-ip-invalid',
        message: indexed
          ? `Invalid value ${show(ip)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`
          : `must be valid IP address, got ${show(ip)}`,
      });
    list(get(a, 'hostnames')).forEach((h, j) => {
      if (typeof h !== 'string') return;
      const errs = dns1123SubdomainErrors(h);
      if (errs.length > 0)
        out.push({
          path: indexed ? [...at, 'hostnames', j] : [...at, 'hostnames'],
          code: 'pod/host-alias-hostname-invalid',
          message: `${show(h)}: ${errs.join('; ')}`,
        });
    });
  });
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

export const podRules: RuleSet = {
  podSpec: [
    restartPolicy,
    dnsPolicy,
    dnsConfig,
    podSecurityContext,
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
