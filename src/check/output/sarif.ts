import { ownPackage } from '../../own-package';
import type { CheckIssue, CheckResult } from '../result';

/** What each area of rule codes checks, for a rule's help text. */
const AREAS: Readonly<Record<string, string>> = {
  container: 'a container of the pod template',
  daemonset: 'the DaemonSet spec (selector, update strategy, revision history)',
  env: 'a container environment variable',
  'floating-ip': 'the TKEStack FloatingIP annotations',
  gpu: 'the TKEStack GPU Manager resources (tencent.com/vcuda-core and vcuda-memory)',
  image: 'a container image reference',
  input: 'reading an input file',
  'log-directory': 'the TKEStack log collection directory',
  manifest: 'the document as a whole (apiVersion and kind)',
  metadata: 'object metadata (name, namespace, labels, annotations)',
  network: 'pod networking (host network, DNS)',
  pod: 'the pod spec',
  port: 'a container port',
  probe: 'a probe or lifecycle handler',
  pss: 'a Pod Security Standards check, as Pod Security Admission 1.27 applies it',
  resources: 'container resource requests and limits',
  scheduling: 'pod scheduling (node selector, affinity, tolerations, priority)',
  'security-context': 'a security context',
  selector: 'a label selector',
  type: 'the type of a field, as the API server decodes it',
  volume: 'a pod volume or volume mount',
  yaml: 'reading the document as YAML, as kubectl 1.27 reads it',
};

function help(code: string): string {
  const area = code.slice(0, code.indexOf('/'));
  const what = AREAS[area] ?? 'a field the Kubernetes 1.27 API server validates';
  return (
    `${code}: a check of ${what}, as the Kubernetes 1.27 API server (kube-apiserver validation on create) ` +
    'would reject it. Each result names the field path, says what is wrong and what would be right; ' +
    'fix the field at the reported line and run `cdk8s-daemonset validate` again.'
  );
}

function version(): string {
  return ownPackage().version;
}

/**
 * The `--output sarif` report: SARIF 2.1.0, as GitHub code scanning and other tools take it: one
 * run; the tool's rules, one per code found, with help text; a result per error (level `error`)
 * and per warning (level `warning`), each with its ruleId and its file, line and column.
 */
export function sarifReport(results: readonly CheckResult[]): string {
  const codes = new Map<string, number>();
  const out: object[] = [];
  const add = (r: CheckResult, issue: CheckIssue, level: 'error' | 'warning'): void => {
    let ruleIndex = codes.get(issue.code);
    if (ruleIndex === undefined) {
      ruleIndex = codes.size;
      codes.set(issue.code, ruleIndex);
    }
    out.push({
      ruleId: issue.code,
      ruleIndex,
      level,
      message: { text: `${issue.path || '(document)'}: ${issue.message}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(r.file) },
            region: { startLine: issue.line, startColumn: issue.column },
          },
        },
      ],
    });
  };
  for (const r of results) {
    for (const e of r.errors) add(r, e, 'error');
    for (const w of r.warnings) add(r, w, 'warning');
  }
  const rules = [...codes.keys()].map((code) => ({
    id: code,
    shortDescription: { text: code },
    help: { text: help(code) },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cdk8s-daemonset', version: version(), rules } },
        results: out,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A file name as a SARIF artifact URI: a relative reference with `/` separators, each segment percent-encoded. */
function uri(file: string): string {
  if (file === '-') return 'stdin';
  const absolute = file.startsWith('/');
  const segments = file.split(/[\\/]/).map(encodeURIComponent).join('/');
  return absolute ? `file://${segments}` : segments;
}
