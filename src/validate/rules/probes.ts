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

type HandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc';

// validateHandler (1.27): exactly one handler type; the extra ones are reported where they are.
function handler(h: unknown, path: FieldPath, kinds: readonly HandlerKind[], area: string): Issue[] {
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
const NONNEGATIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

// validateProbe (1.27). Zero timeout/period/thresholds were defaulted (1, 10, 1, 3), so only
// negative values fail here.
function probe(p: unknown, path: FieldPath): Issue[] {
  const out = handler(p, path, PROBE_HANDLERS, 'probe');
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

// validateContainers (1.27) for regular containers, and validateInitContainers (1.29, SidecarContainers)
// for sidecars: init containers with restartPolicy Always (kept only where the gate is on) get the
// same probe and lifecycle checks. Other init and ephemeral containers may not have them at all:
// see containers.ts.
function probesApply(c: unknown, ctx: RuleContext): boolean {
  return (
    ctx.containerList === 'containers' ||
    (ctx.containerList === 'initContainers' && get(c, 'restartPolicy') === 'Always')
  );
}

const probes: Rule = (c, path, ctx) => {
  if (!probesApply(c, ctx)) return NO_ISSUES;
  const out: Issue[] = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const p = get(c, kind);
    if (!isSet(p)) continue;
    const pp: FieldPath = [...path, kind];
    out.push(...probe(p, pp));
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

// validateLifecycle (1.27): postStart and preStop handlers (exec, httpGet or tcpSocket), of the
// containers probesApply names.
const lifecycle: Rule = (c, path, ctx) => {
  const lc = get(c, 'lifecycle');
  if (!isSet(lc) || !probesApply(c, ctx)) return NO_ISSUES;
  const out: Issue[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const h = get(lc, hook);
    if (isSet(h)) out.push(...handler(h, [...path, 'lifecycle', hook], LIFECYCLE_HANDLERS, 'lifecycle'));
  }
  return out;
};

export const probesRules: RuleSet = {
  container: [probes, lifecycle],
};
