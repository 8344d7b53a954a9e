import { ApiObject, type JsonPatch, Lazy } from 'cdk8s';
import { applyEscapeHatches, EscapeHatchError } from './escape-hatch';
import type { Construct } from 'constructs';
import { copyPlain } from './_util';
import { Container, type ContainerProps } from './container';
import type { DaemonSetProps } from './daemonset-props';

export type { DaemonSetProps };
import { NetworkMode } from './network';
import { renderAffinity, renderPodFields } from './pod-fields';
import { referenceName, type SecretReference } from './references';
import type { Toleration } from './scheduling';
import { VCUDA_CORE_LIMIT_ANNOTATION } from './tkestack/gpu-manager';
import { LOG_DIRECTORY_ANNOTATION, renderLogDirectories } from './tkestack/log-directory';
import { daemonSetProblems, unexplainedIssues } from './daemonset-problems';
import { formatIssue, toFieldPath, type FieldPath, type Issue } from './validate/issue';
import {
  podSecurityIssues,
  PSS_EXEMPTIONS_ANNOTATION,
  renderExemptions,
  type PodSecurityExemption,
} from './pod-security';
import type { PssExemption } from './pss';
import { kubernetesVersionOf } from './kubernetes-version';
import { validateForVersion } from './validate/pipeline';
import type { Volume } from './volumes/volume';

/** Annotation the TKEStack console keeps a workload's description in. */
export const DESCRIPTION_ANNOTATION = 'description';
/** Annotation `kubectl rollout history` shows as the change cause. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

const DAEMON_SET = Symbol.for('cdk8s-daemonset.DaemonSet');

function nonEmpty<T extends object>(o: T): T | undefined {
  return Object.keys(o).length > 0 ? o : undefined;
}

/** A rendered container with `extra` added to both its requests and its limits. */
function withResources(container: object, extra: Readonly<Record<string, unknown>>): object {
  const c = container as { resources?: { requests?: object; limits?: object } };
  return {
    ...c,
    resources: {
      ...c.resources,
      requests: { ...c.resources?.requests, ...extra },
      limits: { ...c.resources?.limits, ...extra },
    },
  };
}

/** Path of the pod spec in a DaemonSet manifest. */
const POD_SPEC: FieldPath = ['spec', 'template', 'spec'];

/**
 * A DaemonSet: one pod on every node, or on the nodes `scheduling` picks. It synthesizes exactly
 * the fields written (plus the console's documented defaults): no resources, security settings,
 * selector labels or name hashes are added. At synth time the rendered manifest, escape-hatch
 * patches included, goes through the same rule engine as `validateManifest`, and every issue fails
 * the synth with its construct path and field path.
 */
export class DaemonSet extends ApiObject {
  /**
   * Whether `x` is one of this package's DaemonSets. (`instanceof` can't tell: cdk8s's ApiObject
   * answers it for every API object.)
   */
  public static isDaemonSet(x: unknown): x is DaemonSet {
    return typeof x === 'object' && x !== null && DAEMON_SET in x;
  }

  private readonly options: DaemonSetProps;
  private readonly _containers: Container[] = [];
  private readonly _initContainers: Container[] = [];
  private readonly _volumes: Volume[] = [];
  private readonly _tolerations: Toleration[] = [];
  private readonly _imagePullSecrets: SecretReference[] = [];
  private readonly _exemptions: PodSecurityExemption[] = [];
  private skipOwnValidation = false;
  /** Escape-hatch patches, applied by `toJson` after the constructs' own rendering. */
  private readonly escapeHatches: JsonPatch[] = [];
  private lastPatchWarnings: Issue[] = [];
  /** Pod-spec fields written as given, copied at construction. */
  private readonly podFields: Record<string, unknown>;

  /** Defines a DaemonSet in `scope` (usually a Chart); `id` is its name unless `props.name` is given. */
  public constructor(scope: Construct, id: string, props: DaemonSetProps) {
    const annotations: Record<string, string> = { ...props.annotations };
    if (props.description !== undefined) annotations[DESCRIPTION_ANNOTATION] = props.description;
    if (props.changeCause !== undefined) annotations[CHANGE_CAUSE_ANNOTATION] = props.changeCause;
    if (props.serviceAccount !== undefined && props.serviceAccountName !== undefined)
      throw new Error(`${id}: give serviceAccount or serviceAccountName, not both`);
    super(scope, id, {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: props.name ?? id,
        namespace: props.namespace,
        labels: { ...props.labels },
        annotations,
      },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    // Plain data is copied now, so a caller's later edits don't leak into the manifest.
    this.options = {
      ...props,
      matchLabels: { ...props.matchLabels },
      podLabels: copyPlain(props.podLabels),
      podAnnotations: copyPlain(props.podAnnotations),
      nodeSelector: copyPlain(props.nodeSelector),
      securityContext: copyPlain(props.securityContext),
      podAffinity: copyPlain(props.podAffinity),
      podAntiAffinity: copyPlain(props.podAntiAffinity),
    };
    this.podFields = renderPodFields(props);
    for (const c of props.initContainers ?? []) this.addInitContainer(c);
    for (const c of props.containers ?? []) this.addContainer(c);
    for (const v of props.volumes ?? []) this.addVolume(v);
    for (const t of props.tolerations ?? []) this.addToleration(t);
    for (const s of props.imagePullSecrets ?? []) this.addImagePullSecret(s);
    this._exemptions.push(...(props.podSecurity?.exemptions ?? []));
    // Lazy: exemptions name volumes and containers whose indexes are known only at synth.
    this.metadata.addAnnotation(
      PSS_EXEMPTIONS_ANNOTATION,
      Lazy.any({
        produce: () => (this._exemptions.length > 0 ? renderExemptions(this.resolvedExemptions()) : undefined),
      }) as unknown as string,
    );
    Object.defineProperty(this, DAEMON_SET, { value: true });
    this.node.addValidation({
      validate: () => (this.skipOwnValidation ? [] : this.issues().map((i) => formatIssue(i))),
    });
  }

  /**
   * Adds escape-hatch patches (RFC 6902), applied to the rendered manifest in order. A patch that
   * replaces or removes a field the constructs wrote is reported by `patchWarnings()` and at synth;
   * one below a parent the manifest lacks fails the render with the construct and patch paths.
   */
  public override addJsonPatch(...ops: JsonPatch[]): void {
    this.escapeHatches.push(...ops);
  }

  /** The manifest: what the constructs render, then the escape-hatch patches. */
  // biome-ignore lint/suspicious/noExplicitAny: cdk8s's ApiObject.toJson signature
  public override toJson(): any {
    const rendered = super.toJson();
    if (this.escapeHatches.length === 0) {
      this.lastPatchWarnings = [];
      return rendered;
    }
    const { manifest, warnings } = applyEscapeHatches(rendered, this.escapeHatches, this.node.path);
    this.lastPatchWarnings = warnings;
    // apiVersion, kind and metadata first, as cdk8s orders them.
    const m = manifest as Record<string, unknown>;
    const ordered: Record<string, unknown> = {};
    for (const k of ['apiVersion', 'kind', 'metadata', ...Object.keys(m)]) if (Object.hasOwn(m, k)) ordered[k] = m[k];
    return ordered;
  }

  /**
   * Fields the escape-hatch patches replace or remove although the constructs wrote them (code
   * `patch/overrides-construct`), as of the last render. The App prints them as warnings at synth.
   */
  public patchWarnings(): Issue[] {
    this.toJson();
    return [...this.lastPatchWarnings];
  }

  /** @internal the warnings of the last `toJson`, for the App, which has just rendered. */
  public _lastPatchWarnings(): readonly Issue[] {
    return this.lastPatchWarnings;
  }

  /** The containers, in order. */
  public get containers(): readonly Container[] {
    return this._containers;
  }

  /** The init containers, in order. */
  public get initContainers(): readonly Container[] {
    return this._initContainers;
  }

  /** The network mode in effect. */
  public get network(): NetworkMode {
    return this.options.network ?? NetworkMode.overlay();
  }

  /** Every volume of the pod: declared ones first, then those first mounted by a container. */
  public get volumes(): readonly Volume[] {
    const seen = new Set<Volume>();
    const all = [...this._volumes, ...[...this._initContainers, ...this._containers].flatMap((c) => c.volumes)];
    return all.filter((v) => {
      if (seen.has(v)) return false;
      seen.add(v);
      return true;
    });
  }

  /** Adds a container. */
  public addContainer(props: ContainerProps): Container {
    const c = new Container(props);
    this._containers.push(c);
    return c;
  }

  /** Adds an init container, run before the containers, in order. */
  public addInitContainer(props: ContainerProps): Container {
    const c = new Container(props);
    this._initContainers.push(c);
    return c;
  }

  /** Declares a volume that no container mounts (yet). */
  public addVolume(volume: Volume): this {
    if (!this._volumes.includes(volume)) this._volumes.push(volume);
    return this;
  }

  /** Lets the pods run on nodes with a matching taint. */
  public addToleration(toleration: Toleration): this {
    this._tolerations.push({ ...toleration });
    return this;
  }

  /** Adds a Secret used to pull private images. */
  public addImagePullSecret(secret: SecretReference): this {
    this._imagePullSecrets.push(secret);
    return this;
  }

  /**
   * Every issue of the synthesized manifest (escape-hatch patches included), as the API server
   * would report them, plus misuse of the constructs the server can't see.
   */
  public issues(): Issue[] {
    let manifest: unknown;
    try {
      manifest = this.toJson();
    } catch (e) {
      if (e instanceof EscapeHatchError) return [...this.constructProblems(), e.issue];
      throw e;
    }
    return this._issuesOf(manifest);
  }

  /**
   * @internal validations others added to this construct's node; the App runs the built-in one
   * itself, on the JSON it writes, instead of rendering the manifest a second time.
   */
  public _otherNodeValidations(): string[] {
    this.skipOwnValidation = true;
    try {
      return this.node.validate();
    } finally {
      this.skipOwnValidation = false;
    }
  }

  /**
   * What the API server of the chosen Kubernetes minor (the `cdk8s-daemonset:kubernetesVersion`
   * context, 1.27 by default) would warn about or silently drop in the synthesized manifest.
   * Warnings never fail a synth.
   */
  public warnings(): Issue[] {
    return this._checkOf(this.toJson()).warnings;
  }

  /** @internal the issues of this DaemonSet's rendered manifest, rendered once by the App. */
  public _issuesOf(manifest: unknown): Issue[] {
    return this._checkOf(manifest).issues;
  }

  /** @internal issues and warnings of a rendered manifest, for the chosen Kubernetes minor. */
  public _checkOf(manifest: unknown): { issues: Issue[]; warnings: Issue[] } {
    const pss = this.options.podSecurity;
    const result = validateForVersion(manifest, { kubernetesVersion: kubernetesVersionOf(this) });
    const problems = this.constructProblems();
    return {
      issues: [
        ...problems,
        ...unexplainedIssues(result.errors, problems, manifest),
        ...(pss ? podSecurityIssues(manifest, pss, this.resolvedExemptions()) : []),
      ],
      warnings: [...result.warnings],
    };
  }

  /**
   * Records a reasoned exception to a Pod Security check (see `podSecurity`); typically for a
   * volume or container created after the DaemonSet.
   */
  public addPodSecurityExemption(exemption: PodSecurityExemption): this {
    this._exemptions.push(exemption);
    return this;
  }

  /**
   * The Pod Security exemptions with their volumes and containers turned into field paths. One
   * naming a volume or container this DaemonSet lacks gets a path that matches nothing, so it is
   * reported unused rather than widened to the whole check.
   */
  private resolvedExemptions(): PssExemption[] {
    return this._exemptions.map((e) => {
      let path = e.path;
      if (e.volume)
        path = this.volumes.includes(e.volume)
          ? this.volumeFieldPath(e.volume)
          : `(volume "${e.volume.name}" is not in this DaemonSet)`;
      if (e.container) {
        const known = this._containers.includes(e.container) || this._initContainers.includes(e.container);
        path = known
          ? this.containerFieldPath(e.container)
          : `(container "${e.container.name}" is not in this DaemonSet)`;
      }
      return { check: e.check, reason: e.reason, ...(path !== undefined ? { path } : {}) };
    });
  }

  /** The field path of a volume of this DaemonSet; throws if it is not one. */
  public volumeFieldPath(volume: Volume): string {
    const i = this.volumes.indexOf(volume);
    if (i < 0) throw new Error(`volume "${volume.name}" is not declared or mounted in ${this.node.path}`);
    return toFieldPath([...POD_SPEC, 'volumes', i]);
  }

  /** The field path of a container of this DaemonSet; throws if it is not one. */
  public containerFieldPath(container: Container): string {
    const init = this._initContainers.indexOf(container);
    if (init >= 0) return toFieldPath([...POD_SPEC, 'initContainers', init]);
    const i = this._containers.indexOf(container);
    if (i < 0) throw new Error(`container "${container.name}" is not in ${this.node.path}`);
    return toFieldPath([...POD_SPEC, 'containers', i]);
  }

  private constructProblems(): Issue[] {
    return daemonSetProblems({
      initContainers: this._initContainers,
      containers: this._containers,
      volumes: this.volumes,
      network: this.network,
      matchLabels: this.options.matchLabels,
      podLabels: this.options.podLabels ?? {},
    });
  }

  /** Pod annotations TKEStack components read: GPU Manager's core limit and the log directory. */
  private tkestackAnnotations(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.options.vcudaCoreLimit !== undefined)
      out[VCUDA_CORE_LIMIT_ANNOTATION] = String(this.options.vcudaCoreLimit);
    const logDirs = renderLogDirectories(
      this._containers.flatMap((c) => (c.logDirectory === undefined ? [] : [[c.name, c.logDirectory] as const])),
    );
    if (logDirs !== undefined) out[LOG_DIRECTORY_ANNOTATION] = logDirs;
    return out;
  }

  private renderSpec(): object {
    const p = this.options;
    const network = this.network._podFields();
    const list = <T>(xs: readonly T[]) => (xs.length > 0 ? xs : undefined);
    const containers = this._containers.map((c) => c._toKube());
    if (network.firstContainerResources && containers.length > 0) {
      containers[0] = withResources(containers[0], network.firstContainerResources);
    }
    const podSpec = {
      initContainers: list(this._initContainers.map((c) => c._toKube())),
      containers,
      volumes: list(this.volumes.map((v) => v._toKube())),
      imagePullSecrets: list(this._imagePullSecrets.map((s) => ({ name: referenceName(s) }))),
      serviceAccountName: p.serviceAccount !== undefined ? referenceName(p.serviceAccount) : p.serviceAccountName,
      automountServiceAccountToken: p.automountServiceAccountToken,
      affinity: renderAffinity(p.scheduling?._toKube()?.nodeAffinity, p),
      nodeSelector: p.nodeSelector,
      tolerations: list(this._tolerations),
      hostNetwork: network.hostNetwork,
      dnsPolicy: p.dnsPolicy ?? network.dnsPolicy,
      hostPID: p.hostPID,
      hostIPC: p.hostIPC,
      priorityClassName: p.priorityClassName,
      securityContext: p.securityContext,
      terminationGracePeriodSeconds: p.terminationGracePeriodSeconds,
      ...this.podFields,
    };
    const podLabels = { ...p.podLabels, ...p.matchLabels };
    return {
      selector: { matchLabels: { ...p.matchLabels } },
      template: {
        metadata: {
          name: p.podTemplateName,
          labels: podLabels,
          annotations: nonEmpty({ ...network.annotations, ...this.tkestackAnnotations(), ...p.podAnnotations }),
        },
        spec: podSpec,
      },
      updateStrategy: p.updateStrategy?._toKube(),
      revisionHistoryLimit: p.revisionHistoryLimit,
      minReadySeconds: p.minReadySeconds,
    };
  }
}
