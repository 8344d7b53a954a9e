/** `--output json`: the plan as data, paths rendered as the API server prints them. */
import { type Issue, toFieldPath } from '../validate/issue';
import type { Plan } from './plan';

const issueJson = (i: Issue) => ({ path: toFieldPath(i.path), code: i.code, message: i.message });

export function jsonPlanReport(plan: Plan): string {
  const out = {
    daemonSets: plan.daemonSets.map((p) => ({
      namespace: p.namespace,
      name: p.name,
      change: p.change,
      restart: p.restart,
      waves: p.waves,
      fields: p.fields.map(toFieldPath),
      rejected: p.rejected.map(issueJson),
      warnings: p.warnings.map(issueJson),
    })),
    summary: { kubernetesVersion: plan.kubernetesVersion, nodes: plan.nodes, ...plan.summary },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
