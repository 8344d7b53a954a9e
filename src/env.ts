import { referenceName, type ConfigMapReference, type SecretReference } from './references';
import {
  ENV_DOWNWARD_API_FIELD_PATHS,
  FIELD_REF_MAPS,
  type HUGEPAGES_FIELD_PREFIXES,
  type RESOURCE_FIELD_PATHS,
} from './validate/api-values';

/**
 * The pod fields `fieldRef` reads by a fixed path, in one list (the importer and the docs use it).
 * `metadata.labels` and `metadata.annotations` whole are for downward API volumes only.
 */
export const ENV_FIELD_PATHS = [...ENV_DOWNWARD_API_FIELD_PATHS, ...FIELD_REF_MAPS] as const;

/**
 * Pod fields an environment variable can read through `fieldRef` (the console's "Field" kind):
 * `metadata.name`, `metadata.namespace`, `metadata.uid`, `metadata.labels`,
 * `metadata.annotations`, `spec.nodeName`, `spec.serviceAccountName`, `status.hostIP`,
 * `status.podIP`, `status.podIPs` (the list `ENV_FIELD_PATHS`), and one label or annotation by
 * key: `metadata.labels['app']`, `metadata.annotations['owner']`.
 */
export type EnvFieldPath =
  | (typeof ENV_FIELD_PATHS)[number]
  | `metadata.labels['${string}']`
  | `metadata.annotations['${string}']`;

/** Container resources an environment variable can read through `resourceFieldRef`. */
export type EnvResourcePath =
  | (typeof RESOURCE_FIELD_PATHS)[number]
  | `${(typeof HUGEPAGES_FIELD_PREFIXES)[number]}${string}`;

/** Options of `EnvValue.fromConfigMap` and `EnvValue.fromSecret`. */
export interface EnvKeyOptions {
  /**
   * Start the container even when the ConfigMap/Secret or the key is missing.
   * @default - not written: the API server treats it as false
   */
  readonly optional?: boolean;
}

/** Options of `EnvValue.fromFieldRef`. */
export interface EnvFieldOptions {
  /**
   * Version of the schema the field path is written in.
   * @default - not written: the API server defaults it to `v1`
   */
  readonly apiVersion?: string;
}

/** Options of `EnvValue.fromResource`. */
export interface EnvResourceOptions {
  /**
   * The container whose resources are read.
   * @default - not written: the container that declares the variable
   */
  readonly containerName?: string;
  /**
   * Unit the value is divided by, e.g. `1m` for millicores or `1Mi` for mebibytes.
   * @default - not written: `1`
   */
  readonly divisor?: string | number;
}

/** The value of one environment variable: a literal, or a reference resolved when the pod starts. */
export class EnvValue {
  /** A literal value (the console's "custom" kind). */
  public static fromValue(value: string): EnvValue {
    return new EnvValue({ value });
  }

  /** One key of a ConfigMap in the pod's namespace: `EnvValue.fromConfigMap('settings', 'level')`. */
  public static fromConfigMap(configMap: ConfigMapReference, key: string, options: EnvKeyOptions = {}): EnvValue {
    return new EnvValue({
      valueFrom: { configMapKeyRef: { name: referenceName(configMap), key, optional: options.optional } },
    });
  }

  /** One key of a Secret in the pod's namespace: `EnvValue.fromSecret('db', 'password')`. */
  public static fromSecret(secret: SecretReference, key: string, options: EnvKeyOptions = {}): EnvValue {
    return new EnvValue({
      valueFrom: { secretKeyRef: { name: referenceName(secret), key, optional: options.optional } },
    });
  }

  /** A field of the pod (the console's "Field" kind), e.g. `spec.nodeName` or `status.hostIP`. */
  public static fromFieldRef(fieldPath: EnvFieldPath, options: EnvFieldOptions = {}): EnvValue {
    return new EnvValue({ valueFrom: { fieldRef: { apiVersion: options.apiVersion, fieldPath } } });
  }

  /** A resource request or limit of a container (the console's "ResourceField" kind). */
  public static fromResource(resource: EnvResourcePath, options: EnvResourceOptions = {}): EnvValue {
    return new EnvValue({
      valueFrom: { resourceFieldRef: { containerName: options.containerName, resource, divisor: options.divisor } },
    });
  }

  private constructor(private readonly source: { readonly value?: string; readonly valueFrom?: object }) {}

  /** @internal the `EnvVar` object, `name` included. */
  public _toKube(name: string): object {
    return { name, ...this.source };
  }
}

/** Options of `EnvFrom.configMap` and `EnvFrom.secret`. */
export interface EnvFromOptions {
  /** Prefix put before every key, e.g. `DB_`. @default - no prefix */
  readonly prefix?: string;
  /** Start the container even when the source is missing. @default - not written (false) */
  readonly optional?: boolean;
}

/** Every key of a ConfigMap or Secret as environment variables (`envFrom`). */
export class EnvFrom {
  /** All keys of a ConfigMap (a cdk8s-plus object or its name). */
  public static configMap(configMap: ConfigMapReference, options: EnvFromOptions = {}): EnvFrom {
    return new EnvFrom({
      prefix: options.prefix,
      configMapRef: { name: referenceName(configMap), optional: options.optional },
    });
  }

  /** All keys of a Secret (a cdk8s-plus object or its name). */
  public static secret(secret: SecretReference, options: EnvFromOptions = {}): EnvFrom {
    return new EnvFrom({
      prefix: options.prefix,
      secretRef: { name: referenceName(secret), optional: options.optional },
    });
  }

  private constructor(private readonly source: object) {}

  /** @internal the `EnvFromSource` object. */
  public _toKube(): object {
    return this.source;
  }
}
