import * as fs from 'node:fs';
import * as path from 'node:path';
import * as cdk8s from 'cdk8s';
import { DaemonSet } from './daemonset';
import { SynthValidationError, type ConstructIssue } from './errors';
import { toYamlStream } from './yaml';

/**
 * A cdk8s App that validates every construct before writing anything, reporting all issues at
 * once, and writes YAML that YAML 1.1 readers (kubectl, PyYAML) read back unchanged.
 * Use it in place of `cdk8s.App`; `cdk8s synth` runs it the same way.
 */
export class App extends cdk8s.App {
  private readonly writesConstructMetadata: boolean;

  public constructor(props: cdk8s.AppProps = {}) {
    super(props);
    // cdk8s.App keeps this private; `cdk8s synth` asks for it through the environment.
    this.writesConstructMetadata = props.recordConstructMetadata ?? process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true';
  }

  /** Every issue of every construct: DaemonSets with field paths, others as their validation messages. */
  public issues(): ConstructIssue[] {
    const out: ConstructIssue[] = [];
    for (const c of this.node.findAll()) {
      if (DaemonSet.isDaemonSet(c)) {
        for (const issue of c.issues()) out.push({ constructPath: c.node.path, issue });
        continue;
      }
      for (const message of c.node.validate()) {
        out.push({ constructPath: c.node.path, issue: { path: [], code: 'construct/invalid', message } });
      }
    }
    return out;
  }

  /** Validates, then writes one `<chart>.k8s.yaml` per chart (or one `app.k8s.yaml`). */
  public override synth(): void {
    this.assertValid();
    fs.mkdirSync(this.outdir, { recursive: true });
    for (const [file, docs] of this.files()) {
      fs.writeFileSync(path.join(this.outdir, file), toYamlStream(docs));
    }
    if (this.writesConstructMetadata) this.writeMetadataFile();
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
    fs.writeFileSync(path.join(this.outdir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources }));
  }

  /** Validates, then returns every chart's manifests as one YAML stream. */
  public override synthYaml(): string {
    this.assertValid();
    return toYamlStream([...this.files().values()].flat());
  }

  private assertValid(): void {
    const issues = this.issues();
    if (issues.length > 0) throw new SynthValidationError(issues);
  }

  private files(): Map<string, unknown[]> {
    const files = new Map<string, unknown[]>();
    const ext = this.outputFileExtension;
    switch (this.yamlOutputType) {
      case cdk8s.YamlOutputType.FILE_PER_CHART:
        for (const chart of this.charts) files.set(`${cdk8s.Names.toDnsLabel(chart)}${ext}`, chart.toJson());
        break;
      case cdk8s.YamlOutputType.FILE_PER_APP:
        files.set(`app${ext}`, this.charts.flatMap((chart) => chart.toJson()));
        break;
      default:
        throw new Error(`cdk8s-daemonset's App writes FILE_PER_CHART or FILE_PER_APP output, got ${cdk8s.YamlOutputType[this.yamlOutputType]}`);
    }
    return files;
  }
}
