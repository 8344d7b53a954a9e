/**
 * What differs in the API server's defaulting between the minors we model (1.27 … 1.34), as
 * switches rather than version comparisons in the defaulters (STYLE §2: version differences are
 * data). A minor's switches come from its version profile (validate/versions/switches.ts).
 */
import { resolveKubernetesVersion } from '../versions/minors';
import { type Switches, switchesOf } from '../versions/switches';

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

/** The switches of one minor (`'1.27'`, `'1.31.4'`); throws UnsupportedKubernetesVersionError outside 1.27 … 1.34. */
export function defaultingFor(version: string): Required<DefaultingOptions> {
  return defaultingOf(switchesOf(resolveKubernetesVersion(version)));
}

/** One lazy view per switch table: the pipeline asks for it once per document. */
const LAZY = new WeakMap<Switches, Required<DefaultingOptions>>();

/**
 * The defaulting switches of a version profile's switch table (which the pipeline already holds),
 * read from the table when the defaulters ask, not before: range mode logs which switches a
 * manifest's defaulting reads (validate/range/reads.ts).
 */
export function defaultingOf(switches: Switches): Required<DefaultingOptions> {
  let lazy = LAZY.get(switches);
  if (lazy === undefined) {
    lazy = {
      get templateHostNetworkHostPorts() {
        return switches.templateHostNetworkHostPortDefaulting;
      },
      get podLevelResources() {
        return switches.podLevelResourcesDefaulting;
      },
      get fileKeyRefOptional() {
        return switches.fileKeyRefOptionalDefaulting;
      },
    };
    LAZY.set(switches, lazy);
  }
  return lazy;
}

/** The switches of a minor, or those given with the rest as 1.27 has them. */
export function resolveDefaulting(options: string | DefaultingOptions = {}): Required<DefaultingOptions> {
  if (typeof options === 'string') return defaultingFor(options);
  return {
    templateHostNetworkHostPorts: options.templateHostNetworkHostPorts ?? true,
    podLevelResources: options.podLevelResources ?? false,
    fileKeyRefOptional: options.fileKeyRefOptional ?? false,
  };
}
