/** A seccomp profile: the runtime's default, none, or one from the node's seccomp folder. */
export interface SeccompProfile {
  readonly type: 'RuntimeDefault' | 'Unconfined' | 'Localhost';
  /** Path under the kubelet's seccomp folder; only with `Localhost`. @default - none */
  readonly localhostProfile?: string;
}

/** SELinux labels. */
export interface SeLinuxOptions {
  readonly user?: string;
  readonly role?: string;
  readonly type?: string;
  readonly level?: string;
}

/** Security settings of one container; every field is written only when set. */
export interface ContainerSecurityContext {
  /** Run as root on the host, with every device. @default - not written (false) */
  readonly privileged?: boolean;
  /** Linux capabilities to add and drop, e.g. `NET_ADMIN`, `ALL`. @default - not written */
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
  /** Whether a process may gain more privileges than its parent. @default - not written */
  readonly allowPrivilegeEscalation?: boolean;
  /** Mount the root filesystem read-only. @default - not written */
  readonly readOnlyRootFilesystem?: boolean;
  /** UID to run as. @default - not written: the image's */
  readonly runAsUser?: number;
  /** GID to run as. @default - not written: the image's */
  readonly runAsGroup?: number;
  /** Refuse to start a container whose user is root. @default - not written */
  readonly runAsNonRoot?: boolean;
  /** @default - not written */
  readonly seccompProfile?: SeccompProfile;
  /** @default - not written */
  readonly seLinuxOptions?: SeLinuxOptions;
  /** `Unmasked` exposes the full /proc. @default - not written (Default) */
  readonly procMount?: 'Default' | 'Unmasked';
}

/** Security settings of the whole pod; every field is written only when set. */
export interface PodSecurityContext {
  /** @default - not written */
  readonly runAsUser?: number;
  /** @default - not written */
  readonly runAsGroup?: number;
  /** @default - not written */
  readonly runAsNonRoot?: boolean;
  /** Group that owns mounted volumes. @default - not written */
  readonly fsGroup?: number;
  /** @default - not written */
  readonly fsGroupChangePolicy?: 'OnRootMismatch' | 'Always';
  /** @default - not written */
  readonly supplementalGroups?: readonly number[];
  /** @default - not written */
  readonly seccompProfile?: SeccompProfile;
  /** @default - not written */
  readonly seLinuxOptions?: SeLinuxOptions;
  /** Namespaced sysctls set for the pod. @default - not written */
  readonly sysctls?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

