import * as fs from 'node:fs';
import * as path from 'node:path';
import * as cdk8s from 'cdk8s';
import type { IConstruct } from 'constructs';
import { resolveDependencies } from './_dependencies';
import { reportIfUncaught } from './_report-uncaught';
import { DaemonSet } from './daemonset';
import { SynthValidationError, type ConstructIssue } from './errors';
import { setKubernetesVersion } from './kubernetes-version';
import { EscapeHatchError } from './escape-hatch';
import { formatIssue } from './validate/issue';
import { toYamlStream } from './yaml';

/** The API objects a chart writes, in dependency order (cdk8s's `chartToKube`). */
function chartObjects(chart: cdk8s.Chart): cdk8s.ApiObject[] {
  return new cdk8s.DependencyGraph(chart.node)
    .topology()
    .filter((x): x is cdk8s.ApiObject => cdk8s.ApiObject.isApiObject(x) && cdk8s.Chart.of(x) === chart);
}

/** Props of {@link App}: cdk8s.App's, and the Kubernetes version to validate for. */
export interface AppProps extends cdk8s.AppProps {
  /**
   * The Kubernetes minor of the cluster the app deploys to, `x.y` or `x.y.z` (1.27 … 1.34): every
   * DaemonSet is checked as that minor's API server would check it. Sets the
   * `cdk8s-daemonset:kubernetesVersion` context, which a chart may override.
   * @default '1.27' (the version cdk8s-plus-27 speaks)
   */
  readonly kubernetesVersion?: string;
}

/** Everything one synthesis pass produces. */
interface Rendered {
  readonly issues: ConstructIssue[];
  /** What the API server would warn about or drop silently, and escape-hatch patches that override what the constructs wrote; never fails a synth. */
  readonly warnings: ConstructIssue[];
  /** Output file name to its documents, in output order. */
  readonly files: Map<string, unknown[]>;
}

/**
 * A cdk8s App that validates every construct before writing anything, reporting all issues at
 * once, and writes YAML that YAML 1.1 readers (kubectl, PyYAML) read back unchanged.
 * Use it in place of `cdk8s.App`; `cdk8s synth` runs it the same way.
 *
 * It synthesizes in one pass, linear in the size of the app: dependencies are resolved once,
 * every object is rendered once, and each DaemonSet is validated on the very JSON that is written.
 * (cdk8s.App re-resolves and re-validates the whole app for every chart.)
 */
export class App extends cdk8s.App {
  private readonly writesConstructMetadata: boolean;

  /** Takes `cdk8s.App`'s props; `recordConstructMetadata` defaults to what `cdk8s synth` asks for. */
  public constructor(props: AppProps = {}) {
    super(props);
    if (props.kubernetesVersion !== undefined) setKubernetesVersion(this, props.kubernetesVersion);
    // cdk8s.App keeps this private; `cdk8s synth` asks for it through the environment.
    this.writesConstructMetadata =
      props.recordConstructMetadata ?? process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true';
  }

  /** Every issue of every construct: DaemonSets with field paths, others as their validation messages. */
  public issues(): ConstructIssue[] {
    return this.render().issues;
  }

  /**
   * What the API server would warn about or drop silently in each DaemonSet, and escape-hatch patches that
   * replace or remove what the constructs wrote (`patch/overrides-construct`); never fails a synth.
   */
  public warnings(): ConstructIssue[] {
    return this.render().warnings;
  }

  /** Validates, then writes one `<chart>.k8s.yaml` per chart (or one `app.k8s.yaml`). */
  public override synth(): void {
    const { files } = this.renderValid();
    fs.mkdirSync(this.outdir, { recursive: true });
    for (const [file, docs] of files) {
      fs.writeFileSync(path.join(this.outdir, file), toYamlStream(docs));
    }
    if (this.writesConstructMetadata) this.writeMetadataFile();
  }

  /** Validates, then returns every chart's manifests as one YAML stream. */
  public override synthYaml(): string {
    return toYamlStream([...this.renderValid().files.values()].flat());
  }

  private renderValid(): Rendered {
    const rendered = this.render();
    for (const w of rendered.warnings) process.stderr.write(`warning: ${formatIssue(w.issue, w.constructPath)}\n`);
    if (rendered.issues.length > 0) {
      const error = new SynthValidationError(rendered.issues);
      reportIfUncaught(error);
      throw error;
    }
    // Printed, never thrown: kubectl would print these as `Warning: …` and apply anyway.
    for (const w of rendered.warnings) process.stderr.write(`Warning: ${formatIssue(w.issue, w.constructPath)}\n`);
    return rendered;
  }

  private render(): Rendered {
    const all: IConstruct[] = this.node.findAll();
    const hasDependantCharts = resolveDependencies(all);
    const issues: ConstructIssue[] = [];
    const warnings: ConstructIssue[] = [];
    // DaemonSets' own rules run below on their rendered JSON; every other validation as cdk8s runs it.
    for (const c of all) {
      const messages = DaemonSet.isDaemonSet(c) ? c._otherNodeValidations() : c.node.validate();
      for (const message of messages) {
        issues.push({ constructPath: c.node.path, issue: { path: [], code: 'construct/invalid', message } });
      }
    }
    const byChart = new Map<cdk8s.Chart, unknown[]>();
    for (const chart of this.charts) {
      byChart.set(
        chart,
        chartObjects(chart).flatMap((obj) => {
          let json: unknown;
          try {
            json = obj.toJson();
          } catch (e) {
            // A patch that cannot apply is reported with the other issues; the document is left out.
            if (!(e instanceof EscapeHatchError)) throw e;
            issues.push({ constructPath: e.constructPath, issue: e.issue });
            return [];
          }
          if (DaemonSet.isDaemonSet(obj)) {
            const checked = obj._checkOf(json);
            for (const issue of checked.issues) issues.push({ constructPath: obj.node.path, issue });
            for (const issue of checked.warnings) warnings.push({ constructPath: obj.node.path, issue });
            for (const issue of obj._lastPatchWarnings()) warnings.push({ constructPath: obj.node.path, issue });
          }
          return [json];
        }),
      );
    }
    return { issues, warnings, files: this.layout(byChart, hasDependantCharts) };
  }

  /** Splits the documents into files as cdk8s.App does for the supported output types. */
  private layout(byChart: Map<cdk8s.Chart, unknown[]>, hasDependantCharts: boolean): Map<string, unknown[]> {
    const files = new Map<string, unknown[]>();
    const ext = this.outputFileExtension;
    switch (this.yamlOutputType) {
      case cdk8s.YamlOutputType.FILE_PER_CHART: {
        let index = 0;
        for (const [chart, docs] of byChart) {
          // IndexedChartNamer / SimpleChartNamer (cdk8s src/app.ts)
          const name = cdk8s.Names.toDnsLabel(chart);
          files.set(`${hasDependantCharts ? `${String(index++).padStart(4, '0')}-` : ''}${name}${ext}`, docs);
        }
        break;
      }
      case cdk8s.YamlOutputType.FILE_PER_APP:
        if (byChart.size > 0) files.set(`app${ext}`, [...byChart.values()].flat());
        break;
      default:
        throw new Error(
          `cdk8s-daemonset's App writes FILE_PER_CHART or FILE_PER_APP output, got ${cdk8s.YamlOutputType[this.yamlOutputType]}`,
        );
    }
    return files;
  }

  /**
   * `construct-metadata.json`, as cdk8s.App writes it, so `cdk8s synth --validate` reports
   * construct paths next to manifest paths.
   */
  private writeMetadataFile(): void {
    const resources: Record<string, { path: string }> = {};
    for (const c of this.node.findAll()) {
      if (cdk8s.ApiObject.isApiObject(c)) resources[c.name] = { path: c.node.path };
    }
    fs.writeFileSync(
      path.join(this.outdir, 'construct-metadata.json'),
      JSON.stringify({ version: '1.0.0', resources }),
    );
  }
}
