import type { NonEmptyValues } from './label-selector';

/** One condition on a node's labels (a `nodeSelectorRequirement`). */
export class NodeRequirement {
  /** The label equals the value. */
  public static is(key: string, value: string): NodeRequirement {
    return new NodeRequirement(key, 'In', [value]);
  }
  /** The label is one of the values (at least one). */
  public static in(key: string, values: NonEmptyValues): NodeRequirement {
    return new NodeRequirement(key, 'In', [...values]);
  }
  /** The label is none of the values (at least one), or absent. */
  public static notIn(key: string, values: NonEmptyValues): NodeRequirement {
    return new NodeRequirement(key, 'NotIn', [...values]);
  }
  /** The label is present, whatever its value. */
  public static exists(key: string): NodeRequirement {
    return new NodeRequirement(key, 'Exists');
  }
  /** The label is absent. */
  public static doesNotExist(key: string): NodeRequirement {
    return new NodeRequirement(key, 'DoesNotExist');
  }
  /** The label, read as an integer, is greater than `value`. */
  public static greaterThan(key: string, value: number): NodeRequirement {
    return new NodeRequirement(key, 'Gt', [String(value)]);
  }
  /** The label, read as an integer, is less than `value`. */
  public static lessThan(key: string, value: number): NodeRequirement {
    return new NodeRequirement(key, 'Lt', [String(value)]);
  }

  private constructor(
    /** The node label's key, e.g. `kubernetes.io/os`. */
    public readonly key: string,
    /** How the label is compared, as written to `operator`. */
    public readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt',
    /** The values compared with; one integer for `Gt`/`Lt`. @default - none, for `Exists` and `DoesNotExist` */
    public readonly values?: readonly string[],
  ) {}

  /** @internal */
  public _toKube(): object {
    return { key: this.key, operator: this.operator, values: this.values ? [...this.values] : undefined };
  }
}

/** A "try to satisfy" rule: nodes matching every requirement score `weight` (1–100) higher. */
export interface PreferredNodeRule {
  /** Score added to a node that matches, 1–100. */
  readonly weight: number;
  /** Requirements a node must all meet to score `weight`. */
  readonly requirements: readonly NodeRequirement[];
}

/** Which nodes may run the pods, by node labels (`affinity.nodeAffinity`); see `NodeScheduling.byNodeLabels`. */
export interface NodeLabelRules {
  /**
   * "Must satisfy": a flat list is one term, every requirement of which must hold; a list of
   * lists is alternatives (nodeSelectorTerms), any one of which must hold. No match, no pod.
   * @default - no required rule
   */
  readonly required?: readonly NodeRequirement[] | ReadonlyArray<readonly NodeRequirement[]>;
  /** "Try to satisfy", by weight. @default - no preferred rule */
  readonly preferred?: readonly PreferredNodeRule[];
}

/** Which nodes run the DaemonSet's pods: the console's three scheduling choices. */
export class NodeScheduling {
  /** Every node (the console's "none"): nothing is written. */
  public static anyNode(): NodeScheduling {
    return new NodeScheduling(undefined);
  }

  /**
   * Only the named nodes. Written as node affinity on the `metadata.name` field, one term per node,
   * because the API server allows a single value per `matchFields` requirement
   * (ValidateNodeFieldSelectorRequirement, 1.27) — the form the DaemonSet controller uses itself.
   */
  public static onNodes(nodeNames: readonly string[]): NodeScheduling {
    return new NodeScheduling({
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: nodeNames.map((n) => ({
          matchFields: [{ key: 'metadata.name', operator: 'In', values: [n] }],
        })),
      },
    });
  }

  /** Rules on node labels: "must satisfy" and "try to satisfy". */
  public static byNodeLabels(rules: NodeLabelRules): NodeScheduling {
    const req = rules.required ?? [];
    const terms = (req.length > 0 && Array.isArray(req[0]) ? req : [req]) as ReadonlyArray<readonly NodeRequirement[]>;
    const usedTerms = terms.filter((t) => t.length > 0);
    return new NodeScheduling({
      requiredDuringSchedulingIgnoredDuringExecution:
        usedTerms.length > 0
          ? { nodeSelectorTerms: usedTerms.map((t) => ({ matchExpressions: t.map((r) => r._toKube()) })) }
          : undefined,
      preferredDuringSchedulingIgnoredDuringExecution:
        rules.preferred && rules.preferred.length > 0
          ? rules.preferred.map((p) => ({
              weight: p.weight,
              preference: { matchExpressions: p.requirements.map((r) => r._toKube()) },
            }))
          : undefined,
    });
  }

  private constructor(private readonly nodeAffinity: object | undefined) {}

  /** @internal the pod's `affinity`, or undefined. */
  public _toKube(): { nodeAffinity: object } | undefined {
    return this.nodeAffinity ? { nodeAffinity: this.nodeAffinity } : undefined;
  }
}

/** Taint effects a toleration can match. */
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

/**
 * Lets pods run on nodes with a matching taint, e.g. control-plane nodes:
 * `{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }`.
 * Written exactly as given.
 */
export interface Toleration {
  /** Taint key; empty with `Exists` matches every taint. @default - not written */
  readonly key?: string;
  /** `Exists` matches any value; `Equal` matches `value`. @default - not written (Equal) */
  readonly operator?: 'Equal' | 'Exists';
  /** Taint value, with `Equal`. @default - not written */
  readonly value?: string;
  /** Taint effect matched. @default - not written: every effect */
  readonly effect?: TaintEffect;
  /** With `NoExecute`: how long the pod stays after the taint appears. @default - not written: forever */
  readonly tolerationSeconds?: number;
}
