/**
 * validateResizePolicy (1.33), for regular and init containers where InPlacePodVerticalScaling
 * keeps the field (1.33+; dropDisabledFields removes it before). Errors sit at `resizePolicy`
 * without the index, except duplicates, as the server reports them.
 */
import type { FieldPath, Issue } from '../issue';
import { get, goString, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { notSupported } from './_shared/values';

const RESOURCES = ['cpu', 'memory'];
const POLICIES = ['NotRequired', 'RestartContainer'];

const resizePolicy: Rule = (c, path, ctx) => {
  const policies = list(get(c, 'resizePolicy'));
  if (
    policies.length === 0 ||
    ctx.containerList === 'ephemeralContainers' ||
    !ctx.profile.gates.InPlacePodVerticalScaling
  )
    return NO_ISSUES;
  const p: FieldPath = [...path, 'resizePolicy'];
  const restartNever = get(ctx.podSpec, 'restartPolicy') === 'Never';
  const seen = new Set<string>();
  const out: Issue[] = [];
  policies.forEach((entry, i) => {
    const resource = goString(get(entry, 'resourceName'));
    const policy = goString(get(entry, 'restartPolicy'));
    if (resource === undefined || policy === undefined) return; // types: another rule
    if (seen.has(resource))
      out.push(
        issue(
          [...p, i],
          'container/resize-policy-duplicate',
          `Duplicate value: ${show(resource)}: one entry per resource`,
        ),
      );
    seen.add(resource);
    if (resource === '')
      out.push(
        issue(p, 'container/resize-policy-resource-required', 'Required value: set resourceName to cpu or memory'),
      );
    else if (!RESOURCES.includes(resource))
      out.push(issue(p, 'container/resize-policy-resource-unsupported', notSupported(resource, RESOURCES)));
    if (policy === '')
      out.push(
        issue(
          p,
          'container/resize-policy-restart-required',
          'Required value: set restartPolicy to NotRequired or RestartContainer',
        ),
      );
    else if (!POLICIES.includes(policy))
      out.push(issue(p, 'container/resize-policy-restart-unsupported', notSupported(policy, POLICIES)));
    // Reported beside the DaemonSet's own restartPolicy error (it must be Always), as the server does.
    if (restartNever && policy !== 'NotRequired')
      out.push(
        issue(
          p,
          'container/resize-policy-restart-never',
          `Invalid value ${show(policy)}: must be 'NotRequired' when \`restartPolicy\` is 'Never'`,
        ),
      );
  });
  return out;
};

export const resizePolicyRules: RuleSet = {
  container: [resizePolicy],
};
