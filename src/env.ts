import type * as kplus from 'cdk8s-plus-27';
import type {
  ENV_FIELD_PATHS,
  FIELD_REF_MAPS,
  HUGEPAGES_FIELD_PREFIXES,
  RESOURCE_FIELD_PATHS,
} from './validate/api-values';

/**
 * Pod fields an environment variable can read through `fieldRef` (the console's "Field" kind).
 * Labels and annotations are read one key at a time: `metadata.labels['app']`.
 */
export type EnvFieldPath =
  | (typeof ENV_FIELD_PATHS)[number]
  | (typeof FIELD_REF_MAPS)[number]
  | `${(typeof FIELD_REF_MAPS)[number]}['${string}']`;

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

  /** One key of a ConfigMap in the pod's namespace. */
  public static fromConfigMap(configMap: kplus.IConfigMap, key: string, options: EnvKeyOptions = {}): EnvValue {
    return new EnvValue({ valueFrom: { configMapKeyRef: { name: configMap.name, key, optional: options.optional } } });
  }

  /** One key of a Secret in the pod's namespace. */
  public static fromSecret(secret: kplus.ISecret, key: string, options: EnvKeyOptions = {}): EnvValue {
    return new EnvValue({ valueFrom: { secretKeyRef: { name: secret.name, key, optional: options.optional } } });
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
  /** All keys of a ConfigMap. */
  public static configMap(configMap: kplus.IConfigMap, options: EnvFromOptions = {}): EnvFrom {
    return new EnvFrom({ prefix: options.prefix, configMapRef: { name: configMap.name, optional: options.optional } });
  }

  /** All keys of a Secret. */
  public static secret(secret: kplus.ISecret, options: EnvFromOptions = {}): EnvFrom {
    return new EnvFrom({ prefix: options.prefix, secretRef: { name: secret.name, optional: options.optional } });
  }

  private constructor(private readonly source: object) {}

  /** @internal the `EnvFromSource` object. */
  public _toKube(): object {
    return this.source;
  }
}
