/**
 * Where a pod's own metadata and spec are, for rules on pod annotations: a Pod's metadata, or a
 * DaemonSet's pod template metadata (not the DaemonSet's own, which no pod carries).
 */
import { field, get } from '../../read';
import type { RuleContext } from '../../rule';

/** Whether the metadata a metadata rule was handed is a pod's. */
export function isPodMetadata(ctx: RuleContext): boolean {
  if (ctx.metadataOf === 'podTemplate') return true;
  return ctx.metadataOf === 'object' && get(ctx.manifest, 'kind') === 'Pod';
}

/** The pod spec that metadata belongs to. */
export function podSpecOfMetadata(ctx: RuleContext): unknown {
  return ctx.metadataOf === 'podTemplate' ? field(ctx.manifest, 'spec', 'template', 'spec') : get(ctx.manifest, 'spec');
}
