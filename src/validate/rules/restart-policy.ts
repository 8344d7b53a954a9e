import { get, show } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';

/**
 * A container's own restartPolicy (the field exists from 1.28; by then dropDisabledFields has
 * removed what the minor's gates do not keep):
 *  - init containers: validateInitContainerRestartPolicy (1.29+), only `Always` (a sidecar);
 *  - regular containers: validateContainers (1.28 … 1.33), "may not be set for non-init containers"
 *    (1.34 drops it while ContainerRestartRules is off).
 */
const containerRestartPolicy: Rule = (c, path, ctx) => {
  const policy = get(c, 'restartPolicy');
  if (policy === undefined || policy === null) return NO_ISSUES;
  if (ctx.containerList === 'initContainers') {
    if (policy === 'Always') return NO_ISSUES;
    return [
      {
        path: [...path, 'restartPolicy'],
        code: 'container/init-restart-policy-unsupported',
        message: `Unsupported value ${show(policy)}: supported values: "Always" (a sidecar); leave it out for an init container that runs to completion`,
      },
    ];
  }
  if (ctx.containerList !== 'containers') return NO_ISSUES;
  return [
    {
      path: [...path, 'restartPolicy'],
      code: 'container/restart-policy-forbidden',
      message:
        'Forbidden: may not be set for non-init containers: the pod restartPolicy applies; for a sidecar, make it an init container with restartPolicy Always',
    },
  ];
};

export const restartPolicyRules: RuleSet = {
  container: [containerRestartPolicy],
};
