/** The text report: one block per DaemonSet that is not unchanged, then the totals. */
import { formatIssue, toFieldPath } from '../validate/issue';
import { describeRestart, describeSummary } from './describe';
import type { Plan } from './plan';

/** Fields listed per DaemonSet before the rest is counted (the JSON report has them all). */
const MAX_FIELDS = 20;

export function textPlanReport(plan: Plan): string {
  let out = '';
  for (const p of plan.daemonSets) {
    if (p.change === 'unchanged' && p.rejected.length === 0 && p.warnings.length === 0) continue;
    out += `DaemonSet ${p.namespace}/${p.name}: ${p.change}, ${describeRestart(p)}\n`;
    for (const f of p.fields.slice(0, MAX_FIELDS)) out += `  ~ ${toFieldPath(f)}\n`;
    if (p.fields.length > MAX_FIELDS) out += `  ~ … and ${p.fields.length - MAX_FIELDS} more fields\n`;
    for (const i of p.rejected) out += `  rejected: ${formatIssue(i)}\n`;
    for (const w of p.warnings) out += `  warning: ${formatIssue(w)}\n`;
  }
  return `${out}${describeSummary(plan.summary)} (Kubernetes ${plan.kubernetesVersion})\n`;
}
