/**
 * What differs in the API server's defaulting between the minors we model (1.27 … 1.34), as
 * switches rather than version comparisons in the defaulters (STYLE §2: version differences are data).
 */
export interface DefaultingOptions {
  /**
   * `hostNetwork: true` copies each container port's `containerPort` into a missing `hostPort`.
   * In SetDefaults_PodSpec up to 1.27; 1.28 moved it to SetDefaults_Pod, so templates keep no hostPort.
   * @default true
   */
  readonly templateHostNetworkHostPorts?: boolean;
  /**
   * Pod-level `spec.resources` limits and requests are rounded up to milli units (SetDefaults_ResourceList),
   * since 1.32 when the field was added. @default false
   */
  readonly podLevelResources?: boolean;
  /** `env[].valueFrom.fileKeyRef.optional` defaults to false, since 1.34 when the field was added. @default false */
  readonly fileKeyRefOptional?: boolean;
}

/** The minors whose defaulting is modelled, oldest first. */
export const DEFAULTING_MINORS = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34'] as const;

function minorNumber(version: string): number | undefined {
  const m = /^1\.(\d+)$/.exec(version);
  return m ? Number(m[1]) : undefined;
}

/** The switches of one minor (`'1.27'`); throws for a minor outside DEFAULTING_MINORS. */
export function defaultingFor(version: string): Required<DefaultingOptions> {
  const minor = minorNumber(version);
  if (minor === undefined || !(DEFAULTING_MINORS as readonly string[]).includes(version))
    throw new Error(`no defaulting known for Kubernetes ${version}: expected one of ${DEFAULTING_MINORS.join(', ')}`);
  return {
    templateHostNetworkHostPorts: minor <= 27,
    podLevelResources: minor >= 32,
    fileKeyRefOptional: minor >= 34,
  };
}

/** Fills in the switches left out, as 1.27 has them. */
export function resolveDefaulting(options: string | DefaultingOptions = {}): Required<DefaultingOptions> {
  if (typeof options === 'string') return defaultingFor(options);
  return {
    templateHostNetworkHostPorts: options.templateHostNetworkHostPorts ?? true,
    podLevelResources: options.podLevelResources ?? false,
    fileKeyRefOptional: options.fileKeyRefOptional ?? false,
  };
}
