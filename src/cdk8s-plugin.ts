/**
 * `cdk8s-daemonset/cdk8s-plugin`: the cdk8s validation plugin, `DaemonSetValidation`.
 *
 * @packageDocumentation
 */
import * as fs from 'node:fs';
import { checkDocuments } from './check';
import { DEFAULT_KUBERNETES_VERSION, resolveKubernetesVersions } from './validate/versions/minors';

/* The parts of cdk8s-cli's plugin contract (src/plugins/validation.ts) this plugin uses, declared
   here so the package does not depend on cdk8s-cli at run time. */
interface ViolatingResource {
  readonly resourceName: string;
  readonly locations: readonly string[];
  readonly manifestPath: string;
}
interface Violation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: readonly ViolatingResource[];
}
interface ValidationContext {
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(v: Violation): void;
    submit(status: 'success' | 'failure', metadata?: Record<string, string>): void;
  };
  readonly logger: { log(message: string): void };
}

/** Properties of the plugin, from the `properties:` of its `validations:` entry in cdk8s.yaml. */
export interface DaemonSetValidationProperties {
  /** Also check a Pod Security Standards level. @default - none */
  readonly pss?: 'privileged' | 'baseline' | 'restricted';
  /**
   * The cluster's Kubernetes version, `x.y` or `x.y.z` (1.27 … 1.34), or a range such as
   * `1.27-1.34` for a fleet: a DaemonSet fails when any minor in it would reject it.
   * @default '1.27'
   */
  readonly kubernetesVersion?: string;
}

/**
 * A cdk8s validation plugin: `cdk8s synth` runs it on every manifest the app writes and fails
 * on any DaemonSet or Pod the chosen Kubernetes minor's API server (1.27 by default) would reject.
 * In cdk8s.yaml:
 *
 *   validations:
 *     - package: ./node_modules/cdk8s-daemonset/lib/cdk8s-plugin.js
 *       version: 0.1.0
 *       class: DaemonSetValidation
 *       properties:
 *         kubernetesVersion: "1.31"
 *
 * One violation per rule code, listing each resource with the field paths at fault.
 */
export class DaemonSetValidation {
  /** Created by `cdk8s synth`, with the `properties:` of the plugin's entry in cdk8s.yaml. */
  public constructor(private readonly properties: DaemonSetValidationProperties = {}) {}

  /**
   * Called by `cdk8s synth` with the manifests it wrote: checks every DaemonSet and Pod in them
   * (the pipeline `validate` runs, src/check/), adds one violation per rule code, and submits
   * `failure` when there is any.
   */
  public async validate(context: ValidationContext): Promise<void> {
    const byRule = new Map<string, { message: string; resources: ViolatingResource[] }>();
    const checked = new Map<string, number>();
    const version = this.properties.kubernetesVersion;
    // An unsupported version throws here, naming the supported ones: cdk8s synth reports it.
    const kubernetesVersions = version === undefined ? undefined : resolveKubernetesVersions(String(version));
    for (const manifestPath of context.manifests) {
      const results = checkDocuments(manifestPath, fs.readFileSync(manifestPath, 'utf8'), {
        pss: this.properties.pss,
        kubernetesVersions,
      });
      for (const r of results) {
        if (r.status === 'skipped') continue;
        checked.set(r.kind ?? 'document', (checked.get(r.kind ?? 'document') ?? 0) + 1);
        for (const w of r.warnings)
          context.logger.log(
            `cdk8s-daemonset: warning: ${manifestPath}:${w.line}:${w.column} ${r.name ?? ''} ${w.path}: ${w.message} [${w.code}]`,
          );
        for (const e of r.errors) {
          const entry = byRule.get(e.code) ?? { message: e.message, resources: [] };
          entry.resources.push({
            resourceName: r.name ?? `document ${r.document}`,
            locations: [e.path || '(document)'],
            manifestPath,
          });
          byRule.set(e.code, entry);
        }
      }
    }
    for (const [ruleName, { message, resources }] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) {
      context.report.addViolation({
        ruleName,
        recommendation: message,
        fix: 'see the field path in each location; cdk8s-daemonset validate prints every message',
        violatingResources: resources,
      });
    }
    const counts = [...checked].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ') || '0 DaemonSets';
    context.logger.log(`cdk8s-daemonset: checked ${counts} for Kubernetes ${version ?? DEFAULT_KUBERNETES_VERSION}`);
    context.report.submit(byRule.size === 0 ? 'success' : 'failure');
  }
}
