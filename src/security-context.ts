/** A seccomp profile: the runtime's default, none, or one from the node's seccomp folder. */
export interface SeccompProfile {
  /**
   * `RuntimeDefault` (the container runtime's profile), `Unconfined` (no filtering) or `Localhost`
   * (a file on the node, named in `localhostProfile`).
   */
  readonly type: 'RuntimeDefault' | 'Unconfined' | 'Localhost';
  /** Path under the kubelet's seccomp folder; only with `Localhost`. @default - none */
  readonly localhostProfile?: string;
}

/** An AppArmor profile (Kubernetes 1.30+; before, the `container.apparmor.security.beta.kubernetes.io/*` annotations). */
export interface AppArmorProfile {
  /** `RuntimeDefault`, `Unconfined` or `Localhost` (a profile loaded on the node, named in `localhostProfile`). */
  readonly type: 'RuntimeDefault' | 'Unconfined' | 'Localhost';
  /** The profile's name; only with `Localhost`. @default - none */
  readonly localhostProfile?: string;
}

/** Windows-specific settings. */
export interface WindowsSecurityContextOptions {
  /** Name of the GMSA credential spec to use. @default - not written */
  readonly gmsaCredentialSpecName?: string;
  /** Content of the GMSA credential spec. @default - not written */
  readonly gmsaCredentialSpec?: string;
  /** Windows user to run as, e.g. `ContainerAdministrator`. @default - not written: the image's */
  readonly runAsUserName?: string;
  /** Run as a Windows HostProcess container; all containers of the pod must agree. @default - not written (false) */
  readonly hostProcess?: boolean;
}

/** A namespaced sysctl set for the pod. */
export interface Sysctl {
  /** Sysctl name, e.g. `net.ipv4.ip_unprivileged_port_start`. */
  readonly name: string;
  /** Value to set. */
  readonly value: string;
}

/** SELinux labels. */
export interface SeLinuxOptions {
  /** SELinux user label. @default - not written: the container runtime's */
  readonly user?: string;
  /** SELinux role label. @default - not written: the container runtime's */
  readonly role?: string;
  /** SELinux type label, e.g. `spc_t`. @default - not written: the container runtime's */
  readonly type?: string;
  /** SELinux level (MLS/MCS) label, e.g. `s0:c123,c456`. @default - not written: the container runtime's */
  readonly level?: string;
}

/** Security settings of one container; every field is written only when set. */
export interface ContainerSecurityContext {
  /** Run as root on the host, with every device. @default - not written (false) */
  readonly privileged?: boolean;
  /** Linux capabilities to add and drop, e.g. `NET_ADMIN`, `ALL`. @default - not written */
  readonly capabilities?: {
    /** Capabilities to add, e.g. `NET_ADMIN`. @default - none */
    readonly add?: readonly string[];
    /** Capabilities to drop, e.g. `ALL`. @default - none */
    readonly drop?: readonly string[];
  };
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
  /** Seccomp profile of this container; overrides the pod's. @default - not written: the pod's */
  readonly seccompProfile?: SeccompProfile;
  /** SELinux labels of this container; override the pod's. @default - not written: the pod's */
  readonly seLinuxOptions?: SeLinuxOptions;
  /** `Unmasked` exposes the full /proc. @default - not written (Default) */
  readonly procMount?: 'Default' | 'Unmasked';
  /** AppArmor profile of this container; overrides the pod's (Kubernetes 1.30+). @default - not written: the pod's */
  readonly appArmorProfile?: AppArmorProfile;
  /** Windows settings of this container; override the pod's. @default - not written: the pod's */
  readonly windowsOptions?: WindowsSecurityContextOptions;
}

/** Security settings of the whole pod; every field is written only when set. */
export interface PodSecurityContext {
  /** UID of every container that sets none. @default - not written: the image's */
  readonly runAsUser?: number;
  /** GID of every container that sets none. @default - not written: the image's */
  readonly runAsGroup?: number;
  /** Refuse to start any container whose user is root, unless it says otherwise. @default - not written */
  readonly runAsNonRoot?: boolean;
  /** Group that owns mounted volumes. @default - not written */
  readonly fsGroup?: number;
  /**
   * When the kubelet changes volume ownership to `fsGroup`: `OnRootMismatch` only when the volume's
   * root does not match already. @default - not written (Always)
   */
  readonly fsGroupChangePolicy?: 'OnRootMismatch' | 'Always';
  /** Groups added to every container's first process, besides its primary GID. @default - not written */
  readonly supplementalGroups?: readonly number[];
  /** Seccomp profile of every container that sets none. @default - not written */
  readonly seccompProfile?: SeccompProfile;
  /** SELinux labels of every container that sets none. @default - not written: the container runtime's */
  readonly seLinuxOptions?: SeLinuxOptions;
  /** Namespaced sysctls set for the pod. @default - not written */
  readonly sysctls?: readonly Sysctl[];
  /** AppArmor profile of every container that sets none (Kubernetes 1.30+). @default - not written */
  readonly appArmorProfile?: AppArmorProfile;
  /** Windows settings of every container that sets none. @default - not written */
  readonly windowsOptions?: WindowsSecurityContextOptions;
  /** `Strict` adds only `supplementalGroups`, not the image's groups (Kubernetes 1.31+). @default - not written (Merge) */
  readonly supplementalGroupsPolicy?: 'Merge' | 'Strict';
}
