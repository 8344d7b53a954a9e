import type { FieldPath, Issue } from '../issue';
import { get, goInt, goString, isSet, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../rule';
import { httpHeaderNameErrors, isValidPortNum, portNameErrors, PORT_RANGE_ERROR } from './_shared/container-names';

// ValidatePortNumOrName (1.27): an int 1..65535, or a string that is an IANA_SVC_NAME
// ("8080" as a string is a name, and fails for having no letter).
// The path is given as parent and field, and joined only when there is something to report.
function portNumOrName(port: unknown, parent: FieldPath, f: string, area: string): readonly Issue[] {
  if (typeof port === 'number') {
    if (!Number.isInteger(port)) return NO_ISSUES; // types: another rule
    return isValidPortNum(port)
      ? NO_ISSUES
      : [issue([...parent, f], `${area}/port-invalid`, `Invalid value ${port}: ${PORT_RANGE_ERROR}`)];
  }
  if (port === undefined || port === null) {
    return [issue([...parent, f], `${area}/port-invalid`, `Invalid value 0: ${PORT_RANGE_ERROR}`)];
  }
  if (typeof port !== 'string') return NO_ISSUES;
  const errs = portNameErrors(port);
  if (errs.length === 0) return NO_ISSUES;
  const path: FieldPath = [...parent, f];
  return errs.map((m) => issue(path, `${area}/port-invalid`, `Invalid value ${show(port)}: ${m}`));
}

// validateHTTPGetAction (1.27); path "" and scheme "" were defaulted to "/" and HTTP.
function httpGet(h: unknown, path: FieldPath, area: string): Issue[] {
  const out = [...portNumOrName(get(h, 'port'), path, 'port', area)];
  const scheme = goString(get(h, 'scheme'));
  if (scheme !== undefined && scheme !== '' && scheme !== 'HTTP' && scheme !== 'HTTPS') {
    out.push(
      issue(
        [...path, 'scheme'],
        `${area}/scheme-unsupported`,
        `Unsupported value ${show(scheme)}: supported values: "HTTP", "HTTPS"`,
      ),
    );
  }
  for (const header of list(get(h, 'httpHeaders'))) {
    const name = goString(get(header, 'name'));
    if (name === undefined) continue;
    // Go reports at httpHeaders itself, without the index.
    for (const m of httpHeaderNameErrors(name)) {
      out.push(issue([...path, 'httpHeaders'], `${area}/header-name-invalid`, `Invalid value ${show(name)}: ${m}`));
    }
  }
  return out;
}

type HandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep';

// validateSleepAction (1.30; 1.32 adds the gate hint; 1.33's AllowPodLifecycleSleepActionZeroValue
// allows 0): seconds within the pod's terminationGracePeriodSeconds (defaulted to 30).
function sleepAction(v: unknown, path: FieldPath, ctx: RuleContext): Issue[] {
  const seconds = goInt(get(v, 'seconds'));
  const grace = goInt(get(ctx.podSpec, 'terminationGracePeriodSeconds') ?? 30);
  if (seconds === undefined || grace === undefined) return NO_ISSUES; // types: another rule
  const zero = ctx.profile.options.AllowPodLifecycleSleepActionZeroValue;
  if (seconds <= grace && (zero ? seconds >= 0 : seconds > 0)) return NO_ISSUES;
  const message = zero
    ? `must be non-negative and less than terminationGracePeriodSeconds (${grace})`
    : `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})${
        ctx.profile.switches.sleepActionZeroHint
          ? '. Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.'
          : ''
      }`;
  return [issue([...path, 'sleep'], 'lifecycle/sleep-seconds-invalid', `Invalid value ${seconds}: ${message}`)];
}

// validateHandler (1.27; 1.30 adds sleep last): exactly one handler type; the extra ones are
// reported where they are.
function handler(h: unknown, path: FieldPath, kinds: readonly HandlerKind[], area: string, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  let n = 0;
  for (const kind of kinds) {
    const v = get(h, kind);
    if (!isSet(v)) continue;
    const p: FieldPath = [...path, kind];
    if (n > 0) {
      out.push(
        issue(
          p,
          `${area}/handler-multiple`,
          `Forbidden: may not specify more than 1 handler type; keep one of ${kinds.join(', ')}`,
        ),
      );
      continue;
    }
    n++;
    if (kind === 'exec') {
      if (list(get(v, 'command')).length === 0)
        out.push(issue([...p, 'command'], `${area}/exec-command-required`, 'Required value: give the command to run'));
    } else if (kind === 'httpGet') out.push(...httpGet(v, p, area));
    else if (kind === 'tcpSocket') out.push(...portNumOrName(get(v, 'port'), p, 'port', area));
    else if (kind === 'sleep') out.push(...sleepAction(v, path, ctx));
    else {
      const port = get(v, 'port');
      if (port === undefined || port === null || typeof port === 'number')
        out.push(...portNumOrName(port ?? 0, p, 'port', area));
    }
  }
  if (n === 0)
    out.push(
      issue(
        path,
        `${area}/handler-required`,
        `Required value: must specify a handler type: one of ${kinds.join(', ')}`,
      ),
    );
  return out;
}

const PROBE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket'];
// Where PodLifecycleSleepAction is on (1.30+); in 1.29 dropDisabledFields has removed `sleep`.
const LIFECYCLE_HANDLERS_WITH_SLEEP: readonly HandlerKind[] = [...LIFECYCLE_HANDLERS, 'sleep'];

/**
 * Regular containers, and sidecars (init containers with restartPolicy Always, which
 * dropDisabledFields keeps only where SidecarContainers is on): validateInitContainers (1.29+)
 * checks their lifecycle and probes as validateContainers does.
 */
function runsAlongsidePod(c: unknown, ctx: RuleContext): boolean {
  return (
    ctx.containerList === 'containers' ||
    (ctx.containerList === 'initContainers' && get(c, 'restartPolicy') === 'Always')
  );
}
const NONNEGATIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

// validateProbe (1.27). Zero timeout/period/thresholds were defaulted (1, 10, 1, 3), so only
// negative values fail here.
function probe(p: unknown, path: FieldPath, ctx: RuleContext): Issue[] {
  const out = handler(p, path, PROBE_HANDLERS, 'probe', ctx);
  for (const f of NONNEGATIVE) {
    const v = goInt(get(p, f));
    if (v !== undefined && v < 0)
      out.push(issue([...path, f], 'probe/negative', `Invalid value ${v}: must be greater than or equal to 0`));
  }
  const tgps = get(p, 'terminationGracePeriodSeconds');
  if (typeof tgps === 'number' && Number.isInteger(tgps) && tgps <= 0) {
    out.push(
      issue(
        [...path, 'terminationGracePeriodSeconds'],
        'probe/termination-grace-period-invalid',
        `Invalid value ${tgps}: must be greater than 0, or left out to use the pod's terminationGracePeriodSeconds`,
      ),
    );
  }
  return out;
}

// validateContainers (1.27), and validateInitContainers for sidecars (1.29+): probe rules (other init
// containers and ephemeral containers may not have probes at all: see containers.ts).
const probes: Rule = (c, path, ctx) => {
  if (!runsAlongsidePod(c, ctx)) return NO_ISSUES;
  const out: Issue[] = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const p = get(c, kind);
    if (!isSet(p)) continue;
    const pp: FieldPath = [...path, kind];
    out.push(...probe(p, pp, ctx));
    if (kind !== 'readinessProbe') {
      const st = goInt(get(p, 'successThreshold'));
      if (st !== undefined && st !== 0 && st !== 1) {
        out.push(
          issue(
            [...pp, 'successThreshold'],
            'probe/success-threshold-not-one',
            `Invalid value ${st}: must be 1 for a ${kind}`,
          ),
        );
      }
    } else if (isSet(get(p, 'terminationGracePeriodSeconds'))) {
      out.push(
        issue(
          [...pp, 'terminationGracePeriodSeconds'],
          'probe/termination-grace-period-readiness',
          `Invalid value ${show(get(p, 'terminationGracePeriodSeconds'))}: must not be set for readinessProbes`,
        ),
      );
    }
  }
  return out;
};

// validateLifecycle (1.27; sleep from 1.30): postStart and preStop handlers (exec, httpGet, tcpSocket or sleep).
const lifecycle: Rule = (c, path, ctx) => {
  const lc = get(c, 'lifecycle');
  if (!isSet(lc) || !runsAlongsidePod(c, ctx)) return NO_ISSUES;
  const kinds = ctx.profile.gates.PodLifecycleSleepAction ? LIFECYCLE_HANDLERS_WITH_SLEEP : LIFECYCLE_HANDLERS;
  const out: Issue[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const h = get(lc, hook);
    if (isSet(h)) out.push(...handler(h, [...path, 'lifecycle', hook], kinds, 'lifecycle', ctx));
  }
  return out;
};

export const probesRules: RuleSet = {
  container: [probes, lifecycle],
};
