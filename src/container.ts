import { copyPlain } from './_util';
import type { EnvFrom, EnvValue } from './env';
import { defaultImagePullPolicy, parseImageReference, type ImagePullPolicy } from './image';
import type { ContainerLifecycle } from './lifecycle';
import type { Probe } from './probe';
import { renderResources, type ContainerResources } from './resources';
import type { ContainerSecurityContext } from './security-context';
import type { Issue } from './validate/issue';
import type { Volume } from './volumes/volume';

/** A port the container listens on. */
export interface ContainerPort {
  /** Port number in the container, 1–65535. */
  readonly containerPort: number;
  /** Name that probes and Services can refer to (IANA service name: ≤ 15 characters). @default - not written */
  readonly name?: string;
  /** Protocol of the port. @default - not written (TCP) */
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  /**
   * Port on the node mapped to this one: the console's NAT network mode. With the Host network
   * mode it must equal `containerPort`.
   * @default - not written: no host port
   */
  readonly hostPort?: number;
  /** Node IP the host port binds to. @default - not written: all */
  readonly hostIP?: string;
}

/** How mounts propagate between the host and the container. */
export type MountPropagation = 'None' | 'HostToContainer' | 'Bidirectional';

/** How a volume is mounted: the options of `Container.mount` and the rest of a `VolumeMount`. */
export interface MountOptions {
  /** Mount only this path inside the volume. @default - not written: the whole volume */
  readonly subPath?: string;
  /** Like `subPath`, with `$(VAR)` expanded from the container's environment. @default - not written */
  readonly subPathExpr?: string;
  /** Mount the volume read-only. @default - not written (false) */
  readonly readOnly?: boolean;
  /** `Bidirectional` needs a privileged container (CSI node plugins). @default - not written (None) */
  readonly mountPropagation?: MountPropagation;
  /**
   * Make submounts read-only too (`Enabled`, or `IfPossible` where the runtime can't); needs
   * `readOnly` and no propagation (Kubernetes 1.30+). @default - not written (Disabled)
   */
  readonly recursiveReadOnly?: 'Disabled' | 'IfPossible' | 'Enabled';
}

/** Whether a container must restart when its CPU or memory is resized in place. */
export interface ContainerResizePolicy {
  /** `cpu` or `memory`. */
  readonly resourceName: 'cpu' | 'memory';
  /** `NotRequired` resizes the running container; `RestartContainer` restarts it. */
  readonly restartPolicy: 'NotRequired' | 'RestartContainer';
}

/** A volume mounted at a path; the volume is an object, never a name. */
export interface VolumeMount extends MountOptions {
  /** Absolute path in the container. */
  readonly path: string;
  /** The volume to mount. */
  readonly volume: Volume;
}

/** Props of a `Container`: everything the console's container form asks for. */
export interface ContainerProps {
  /** Name, unique in the pod (DNS-1123 label). */
  readonly name: string;
  /**
   * Image, e.g. `fluent/fluent-bit:2.2` or `registry:5000/agent`. A tag may be written here or
   * in `tag`, not both.
   */
  readonly image: string;
  /**
   * Tag, as the console asks for it next to the image. Empty means `latest`.
   * @default - the tag in `image`, if any
   */
  readonly tag?: string;
  /** Entrypoint, replacing the image's (one entry per console line). @default - the image's */
  readonly command?: readonly string[];
  /** Arguments (one entry per console line). @default - the image's */
  readonly args?: readonly string[];
  /** Working directory of the entrypoint. @default - the image's */
  readonly workingDir?: string;
  /** Ports the container listens on. @default - none */
  readonly ports?: readonly ContainerPort[];
  /** CPU, memory, GPU and other resource requests and limits. @default - no requests or limits are written */
  readonly resources?: ContainerResources;
  /** Environment variables, in this order. @default - none */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /** Every key of these ConfigMaps/Secrets as variables. @default - none */
  readonly envFrom?: readonly EnvFrom[];
  /** Volumes to mount; the DaemonSet declares each volume. More with `Container.mount`. @default - none */
  readonly volumeMounts?: readonly VolumeMount[];
  /** Failing restarts the container. @default - none */
  readonly livenessProbe?: Probe;
  /** Failing takes the pod out of Service endpoints. @default - none */
  readonly readinessProbe?: Probe;
  /** Holds the other probes back until it succeeds once. @default - none */
  readonly startupProbe?: Probe;
  /**
   * When the kubelet pulls the image.
   * @default - not written; Kubernetes and the console both use `Always` for an empty or
   * `latest` tag and `IfNotPresent` otherwise (see `Container.imagePullPolicy`)
   */
  readonly imagePullPolicy?: ImagePullPolicy;
  /** Privileges, capabilities and user of the container. @default - not written */
  readonly securityContext?: ContainerSecurityContext;
  /** postStart / preStop hooks. @default - none */
  readonly lifecycle?: ContainerLifecycle;
  /** Where the container writes why it ended. @default - not written (/dev/termination-log) */
  readonly terminationMessagePath?: string;
  /** `FallbackToLogsOnError` uses the log tail when the file is empty. @default - not written (File) */
  readonly terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError';
  /**
   * `Always` on an init container makes it a sidecar: it starts before the containers and keeps
   * running beside them (Kubernetes 1.28+; beta and on by default from 1.29). Init containers only.
   * @default - not written: an init container runs to completion
   */
  readonly restartPolicy?: 'Always';
  /** How in-place resizes of CPU and memory apply (Kubernetes 1.27+ alpha). @default - not written */
  readonly resizePolicy?: readonly ContainerResizePolicy[];
  /** Allocate a terminal. @default - not written (false) */
  readonly tty?: boolean;
  /** Keep stdin open. @default - not written (false) */
  readonly stdin?: boolean;
  /** Close stdin after the first attach ends. @default - not written (false) */
  readonly stdinOnce?: boolean;
  /**
   * TKEStack log directory: files under this directory in the container are listed and
   * downloadable through TKEStack's LogAgent. It must lie on a volume this container mounts.
   * Written to the pod annotation `log.tke.cloud.tencent.com/log-dir`.
   * @default - none
   */
  readonly logDirectory?: string;
}

/** A container of the DaemonSet's pods. Create it with `DaemonSet.addContainer`. */
export class Container {
  /** Name of the container, unique in the pod. */
  public readonly name: string;
  /** The image as written to the manifest: `image` with `tag` appended when given. */
  public readonly image: string;
  private readonly props: ContainerProps;
  private readonly resources: object | undefined;
  private readonly env = new Map<string, EnvValue>();
  private readonly envFrom: EnvFrom[] = [];
  private readonly mounts: VolumeMount[] = [];
  private readonly ports: ContainerPort[] = [];

  /** @internal use `DaemonSet.addContainer` / `addInitContainer`. */
  public constructor(props: ContainerProps) {
    // Plain data is copied now, so a caller's later edits to its arrays don't leak into the manifest.
    this.props = {
      ...props,
      command: copyPlain(props.command),
      args: copyPlain(props.args),
      securityContext: copyPlain(props.securityContext),
    };
    this.resources = renderResources(props.resources);
    this.name = props.name;
    this.image = props.tag === undefined || props.tag === '' ? props.image : `${props.image}:${props.tag}`;
    for (const [name, value] of Object.entries(props.env ?? {})) this.addEnv(name, value);
    for (const source of props.envFrom ?? []) this.addEnvFrom(source);
    for (const m of props.volumeMounts ?? []) this.mount(m.path, m.volume, m);
    for (const p of props.ports ?? []) this.addPort(p);
  }

  /**
   * The pull policy in effect: the one given, else the default Kubernetes and the console share
   * (`Always` for an empty or `latest` tag, `IfNotPresent` otherwise).
   */
  public get imagePullPolicy(): ImagePullPolicy {
    return this.props.imagePullPolicy ?? defaultImagePullPolicy(this.image);
  }

  /** Volumes this container mounts, in mount order. */
  public get volumes(): Volume[] {
    return this.mounts.map((m) => m.volume);
  }

  /** Ports this container declares. */
  public get containerPorts(): readonly ContainerPort[] {
    return this.ports;
  }

  /** Adds (or replaces) an environment variable; variables keep the order they were first added in. */
  public addEnv(name: string, value: EnvValue): this {
    this.env.set(name, value);
    return this;
  }

  /** Adds every key of a ConfigMap or Secret as variables. */
  public addEnvFrom(source: EnvFrom): this {
    this.envFrom.push(source);
    return this;
  }

  /** Mounts a volume at an absolute path; the DaemonSet declares the volume. */
  public mount(path: string, volume: Volume, options: MountOptions = {}): this {
    this.mounts.push({ path, volume, ...options });
    return this;
  }

  /** Declares a port. */
  public addPort(port: ContainerPort): this {
    this.ports.push({ ...port });
    return this;
  }

  /** The TKEStack log directory, when one is set. */
  public get logDirectory(): string | undefined {
    return this.props.logDirectory;
  }

  /** @internal misuse the API server can't see, relative to this container. */
  public _problems(): Issue[] {
    const problems: Issue[] = [];
    const ref = parseImageReference(this.props.image);
    if (this.props.tag !== undefined && (ref.tag !== undefined || ref.digest !== undefined)) {
      problems.push({
        path: ['image'],
        code: 'image/tag-given-twice',
        message: `image "${this.props.image}" already has a tag or digest and tag "${this.props.tag}" was given too: write the tag in one place`,
      });
    }
    return problems;
  }

  /** @internal the `Container` object. */
  public _toKube(): object {
    const p = this.props;
    const list = <T>(xs: readonly T[]) => (xs.length > 0 ? xs : undefined);
    return {
      name: p.name,
      image: this.image,
      imagePullPolicy: p.imagePullPolicy,
      command: p.command,
      args: p.args,
      workingDir: p.workingDir,
      ports: list(this.ports.map((port) => ({ ...port }))),
      env: list([...this.env].map(([name, value]) => value._toKube(name))),
      envFrom: list(this.envFrom.map((e) => e._toKube())),
      resources: this.resources,
      volumeMounts: list(
        this.mounts.map((m) => ({
          name: m.volume.name,
          mountPath: m.path,
          subPath: m.subPath,
          subPathExpr: m.subPathExpr,
          readOnly: m.readOnly,
          mountPropagation: m.mountPropagation,
          recursiveReadOnly: m.recursiveReadOnly,
        })),
      ),
      livenessProbe: p.livenessProbe?._toKube(),
      readinessProbe: p.readinessProbe?._toKube(),
      startupProbe: p.startupProbe?._toKube(),
      securityContext: p.securityContext,
      lifecycle: p.lifecycle
        ? { postStart: p.lifecycle.postStart?._toKube(), preStop: p.lifecycle.preStop?._toKube() }
        : undefined,
      terminationMessagePath: p.terminationMessagePath,
      terminationMessagePolicy: p.terminationMessagePolicy,
      restartPolicy: p.restartPolicy,
      resizePolicy: p.resizePolicy?.map((r) => ({ ...r })),
      tty: p.tty,
      stdin: p.stdin,
      stdinOnce: p.stdinOnce,
    };
  }
}
