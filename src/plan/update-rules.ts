/**
 * What the API server refuses on update beyond the create-time rules: the daemonset strategy's
 * ValidateUpdate (pkg/registry/apps/daemonset/strategy.go, 1.27 and 1.34 alike) adds
 * ValidateDaemonSetUpdate (apps/validation) and, for apps/v1, the immutable `spec.selector`.
 *
 * ValidateDaemonSetUpdate's own checks cannot fire for a planned pair: ValidateObjectMetaUpdate
 * guards name, namespace, uid and creation time, which the identity match and the server's copy of
 * the stored system fields keep equal; ValidateDaemonSetSpecUpdate checks templateGeneration, which
 * PrepareForUpdate sets itself. Its ValidateDaemonSetSpec half is the create-time rules.
 */
import type { Issue } from '../validate/issue';
import { field, show } from '../validate/read';
import { semanticEqual } from './semantic';

/** apivalidation.ValidateImmutableField(new.Spec.Selector, old.Spec.Selector, "spec.selector"). */
export function immutableSelector(oldDefaulted: unknown, newDefaulted: unknown): Issue[] {
  const before = field(oldDefaulted, 'spec', 'selector');
  const after = field(newDefaulted, 'spec', 'selector');
  if (semanticEqual(before, after, 'selector')) return [];
  return [
    {
      path: ['spec', 'selector'],
      code: 'update/selector-immutable',
      message: `field is immutable: was ${show(before)}, got ${show(after)}; keep the old selector, or delete the DaemonSet (--cascade=orphan keeps its pods) and create it anew`,
    },
  ];
}
