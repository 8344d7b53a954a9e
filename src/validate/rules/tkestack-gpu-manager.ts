/**
 * TKEStack GPU Manager (tkestack/gpu-manager @8cd842e, see docs/tkestack.md §2): what its allocator
 * refuses on the node (`allocateOne`, pkg/services/allocator/nvidia/allocator.go) after the
 * scheduler has placed the pod, so the mistake would otherwise surface only as a failing pod.
 * Values the API server refuses itself (negative or fractional counts) are left to the resources
 * rules, so each fault is reported once.
 */
import { key, type FieldPath, type Issue } from '../issue';
import { get, isSet, issue, show, str } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { VCUDA_CORE_LIMIT_ANNOTATION, VCUDA_CORE_RESOURCE, VCUDA_MEMORY_RESOURCE } from '../../tkestack/gpu-manager';
import { isPodMetadata } from './_shared/pod-metadata';
import { quantityFromJson } from './_shared/quantity';

interface Amount {
  readonly value: number;
  readonly path: FieldPath;
}

/**
 * A whole, non-negative amount of `name`, read from the limits (GPU Manager's examples and the
 * console write equal requests and limits; the API server checks that they agree), else the
 * requests. Undefined when absent or when the API server refuses it already.
 */
function amount(resources: unknown, name: string, path: FieldPath): Amount | undefined {
  for (const where of ['limits', 'requests']) {
    const raw = get(get(resources, where), name);
    if (!isSet(raw)) continue;
    const q = quantityFromJson(raw);
    if (!q?.ok || q.quantity.nanos < 0n || q.quantity.nanos % 1_000_000_000n !== 0n) return undefined;
    return { value: Number(q.quantity.nanos / 1_000_000_000n), path: [...path, 'resources', where, key(name)] };
  }
  return undefined;
}

// vcuda-core in hundredths of a card: at least 1, whole cards above 100; a share of one card
// needs vcuda-memory (blocks of 256 MiB), which must be at least 1.
const vcudaShare: Rule = (c, path) => {
  const resources = get(c, 'resources');
  if (resources === undefined) return NO_ISSUES;
  const core = amount(resources, VCUDA_CORE_RESOURCE, path);
  const memory = amount(resources, VCUDA_MEMORY_RESOURCE, path);
  if (core === undefined && memory === undefined) return NO_ISSUES;
  const out: Issue[] = [];
  if (core !== undefined && core.value < 1) {
    out.push(
      issue(
        core.path,
        'gpu/vcuda-core-invalid',
        `must be a whole number of hundredths of a card (100 = one card), at least 1, got ${core.value}`,
      ),
    );
  } else if (core !== undefined && core.value > 100 && core.value % 100 !== 0) {
    out.push(
      issue(
        core.path,
        'gpu/vcuda-core-not-whole-cards',
        `above 100 GPU Manager allocates whole cards only, so it must be a multiple of 100 (e.g. ${Math.round(core.value / 100) * 100}), got ${core.value}`,
      ),
    );
  }
  if (memory !== undefined && memory.value < 1) {
    out.push(
      issue(
        memory.path,
        'gpu/vcuda-memory-invalid',
        `must be a whole number of 256 MiB blocks, at least 1, got ${memory.value}`,
      ),
    );
  } else if (
    memory === undefined &&
    core !== undefined &&
    core.value >= 1 &&
    core.value < 100 &&
    !isSet(get(get(resources, 'limits'), VCUDA_MEMORY_RESOURCE)) &&
    !isSet(get(get(resources, 'requests'), VCUDA_MEMORY_RESOURCE))
  ) {
    out.push(
      issue(
        [...core.path.slice(0, -1), key(VCUDA_MEMORY_RESOURCE)],
        'gpu/vcuda-memory-required',
        `a share of one card (vcuda-core ${core.value} < 100) needs GPU memory too: set ${VCUDA_MEMORY_RESOURCE} to a number of 256 MiB blocks`,
      ),
    );
  }
  return out;
};

const WHOLE_PERCENT = /^(?:0|[1-9][0-9]{0,2})$/;

// The pod annotation is a soft cap, in percent of one card, the containers may burst to.
const vcudaCoreLimit: Rule = (meta, path, ctx) => {
  if (!isPodMetadata(ctx)) return NO_ISSUES;
  const raw = get(get(meta, 'annotations'), VCUDA_CORE_LIMIT_ANNOTATION);
  if (raw === undefined) return NO_ISSUES;
  const v = str(raw); // another type is the annotation rules' to report
  if (v === undefined || (WHOLE_PERCENT.test(v) && Number(v) <= 100)) return NO_ISSUES;
  return [
    issue(
      [...path, 'annotations', key(VCUDA_CORE_LIMIT_ANNOTATION)],
      'gpu/vcuda-core-limit-invalid',
      `must be a whole number from 0 to 100 (percent of one card), got ${show(v).slice(1, -1)}`,
    ),
  ];
};

export const tkestackGpuManagerRules: RuleSet = {
  container: [vcudaShare],
  objectMeta: [vcudaCoreLimit],
};
