/** Label values an `In` or `NotIn` requirement compares with: at least one, as the API server requires. */
export type NonEmptyValues = readonly [string, ...string[]];

/** A label is (`In`) or is not (`NotIn`) one of the values. */
export interface LabelValuesRequirement {
  /** The label's key, e.g. `app.kubernetes.io/name`. */
  readonly key: string;
  /** `In`: the label is one of `values`; `NotIn`: it is none of them, or absent. */
  readonly operator: 'In' | 'NotIn';
  /** The values compared with: at least one. */
  readonly values: NonEmptyValues;
}

/** A label is present (`Exists`) or absent (`DoesNotExist`), whatever its value. */
export interface LabelExistsRequirement {
  /** The label's key. */
  readonly key: string;
  /** `Exists` or `DoesNotExist`. */
  readonly operator: 'Exists' | 'DoesNotExist';
}

/** One condition of a `matchExpressions` list. */
export type LabelSelectorRequirement = LabelValuesRequirement | LabelExistsRequirement;

/**
 * A label selector (`metav1.LabelSelector`), written as given: every label and every expression
 * must match. An empty selector matches everything; an absent one, nothing.
 */
export interface LabelSelector {
  /** Labels that must equal these values. @default - not written */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** Conditions that must all hold. @default - not written */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}
