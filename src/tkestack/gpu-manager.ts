import { key, type Issue } from '../validate/issue';

/**
 * TKEStack GPU Manager's resources and rules, from tkestack/gpu-manager @8cd842e (README,
 * pkg/services/allocator/nvidia/allocator.go `allocateOne`, pkg/types/types.go); see docs/tkestack.md §2.
 */

/** Hundredths of one card: 100 is a whole card. */
export const VCUDA_CORE_RESOURCE = 'tencent.com/vcuda-core';
/** GPU memory in blocks of 256 MiB (`MemoryBlockSize`). */
export const VCUDA_MEMORY_RESOURCE = 'tencent.com/vcuda-memory';
/** Pod annotation: a soft cap (0–100) the containers may burst to above their core share. */
export const VCUDA_CORE_LIMIT_ANNOTATION = 'tencent.com/vcuda-core-limit';

/**
 * What GPU Manager refuses when it allocates the container on the node — after the scheduler
 * has placed the pod, so the mistake would otherwise surface only as a failing pod.
 * Paths are relative to the container.
 */
export function vcudaProblems(core: number, memory: number | undefined): Issue[] {
  const out: Issue[] = [];
  const corePath = ['resources', 'limits', key(VCUDA_CORE_RESOURCE)];
  const memoryPath = ['resources', 'limits', key(VCUDA_MEMORY_RESOURCE)];
  if (!Number.isInteger(core) || core < 1) {
    out.push({
      path: corePath,
      code: 'gpu/vcuda-core-invalid',
      message: `must be a whole number of hundredths of a card (100 = one card), at least 1, got ${core}`,
    });
  } else if (core > 100 && core % 100 !== 0) {
    out.push({
      path: corePath,
      code: 'gpu/vcuda-core-not-whole-cards',
      message: `above 100 GPU Manager allocates whole cards only, so it must be a multiple of 100 (e.g. ${Math.round(core / 100) * 100}), got ${core}`,
    });
  }
  if (memory !== undefined && (!Number.isInteger(memory) || memory < 1)) {
    out.push({
      path: memoryPath,
      code: 'gpu/vcuda-memory-invalid',
      message: `must be a whole number of 256 MiB blocks, at least 1, got ${memory}`,
    });
  } else if (memory === undefined && Number.isInteger(core) && core >= 1 && core < 100) {
    out.push({
      path: memoryPath,
      code: 'gpu/vcuda-memory-required',
      message: `a share of one card (vcuda-core ${core} < 100) needs GPU memory too: set memory to a number of 256 MiB blocks`,
    });
  }
  return out;
}

/** The core-limit annotation's problems, when one is given; paths relative to the pod template. */
export function vcudaCoreLimitProblems(limit: number): Issue[] {
  if (Number.isInteger(limit) && limit >= 0 && limit <= 100) return [];
  return [
    {
      path: ['metadata', 'annotations', key(VCUDA_CORE_LIMIT_ANNOTATION)],
      code: 'gpu/vcuda-core-limit-invalid',
      message: `must be a whole number from 0 to 100 (percent of one card), got ${limit}`,
    },
  ];
}
