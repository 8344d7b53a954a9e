/** `--output markdown`: a table for a pull-request comment, then the rejections and warnings. */
import { type Issue, toFieldPath } from '../validate/issue';
import { describeRestart, describeSummary } from './describe';
import type { Plan } from './plan';

/** Text safe in a table cell: pipes escaped, line breaks flattened, backticks kept out of code spans. */
function cell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

function issueLine(i: Issue): string {
  return `${code(toFieldPath(i.path) || '(document)')}: ${cell(i.message)} (${code(i.code)})`;
}

export function markdownPlanReport(plan: Plan): string {
  const rows = plan.daemonSets.filter((p) => p.change !== 'unchanged' || p.rejected.length + p.warnings.length > 0);
  let out = `### DaemonSet rollout plan (Kubernetes ${plan.kubernetesVersion}${plan.nodes === null ? '' : `, ${plan.nodes} nodes`})\n\n`;
  if (rows.length > 0) {
    out += '| DaemonSet | Change | Pods | Fields | Rejected | Warnings |\n|---|---|---|---:|---:|---:|\n';
    for (const p of rows) {
      const verdict = p.rejected.length > 0 ? `:x: ${p.rejected.length}` : '0';
      out += `| ${code(`${p.namespace}/${p.name}`)} | ${p.change} | ${cell(describeRestart(p))} | ${p.fields.length} | ${verdict} | ${p.warnings.length} |\n`;
    }
    out += '\n';
  }
  for (const p of rows) {
    if (p.rejected.length + p.warnings.length === 0) continue;
    out += `**${cell(`${p.namespace}/${p.name}`)}**\n\n`;
    for (const i of p.rejected) out += `- :x: rejected ${issueLine(i)}\n`;
    for (const w of p.warnings) out += `- :warning: ${issueLine(w)}\n`;
    out += '\n';
  }
  return `${out}${describeSummary(plan.summary)}\n`;
}
