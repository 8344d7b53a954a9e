/** A number of pods, or a percentage of the nodes that should run one: `1`, `'10%'`. */
export type IntOrPercent = number | `${number}%`;

/** Options of `UpdateStrategy.rollingUpdate`. */
export interface RollingUpdateOptions {
  /**
   * How many pods may be unavailable during the update.
   * @default - not written: the API server defaults it to 1
   */
  readonly maxUnavailable?: IntOrPercent;
  /**
   * How many nodes may run an old and a new pod at once. For DaemonSets, exactly one of
   * `maxUnavailable` and `maxSurge` may be non-zero.
   * @default - not written (0)
   */
  readonly maxSurge?: IntOrPercent;
  /**
   * Leave `type` out, as some vendor manifests do: the API server defaults it to `RollingUpdate`.
   * @default false - `type: RollingUpdate` is written
   */
  readonly omitType?: boolean;
}

/** How pods are replaced when the template changes. */
export class UpdateStrategy {
  /** Replace pods node by node (`RollingUpdate`). */
  public static rollingUpdate(options: RollingUpdateOptions = {}): UpdateStrategy {
    const given = options.maxUnavailable !== undefined || options.maxSurge !== undefined;
    return new UpdateStrategy({
      type: 'RollingUpdate',
      rollingUpdate: given ? { maxUnavailable: options.maxUnavailable, maxSurge: options.maxSurge } : undefined,
      omitType: options.omitType === true,
    });
  }

  /** New pods only once the old ones are deleted by hand (`OnDelete`). */
  public static onDelete(): UpdateStrategy {
    return new UpdateStrategy({ type: 'OnDelete' });
  }

  private constructor(
    private readonly spec: {
      readonly type: 'RollingUpdate' | 'OnDelete';
      readonly rollingUpdate?: object;
      readonly omitType?: boolean;
    },
  ) {}

  /** `RollingUpdate` or `OnDelete`. */
  public get type(): 'RollingUpdate' | 'OnDelete' {
    return this.spec.type;
  }

  /** @internal */
  public _toKube(): object {
    const { type, rollingUpdate, omitType } = this.spec;
    return omitType ? { rollingUpdate } : { type, rollingUpdate };
  }
}
