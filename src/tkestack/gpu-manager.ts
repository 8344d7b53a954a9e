/**
 * TKEStack GPU Manager's resources and annotation (its rules are engine rules, validate/rules/tkestack-gpu-manager.ts), from tkestack/gpu-manager @8cd842e (README,
 * pkg/services/allocator/nvidia/allocator.go `allocateOne`, pkg/types/types.go); see docs/tkestack.md §2.
 */

/** Hundredths of one card: 100 is a whole card. */
export const VCUDA_CORE_RESOURCE = 'tencent.com/vcuda-core';
/** GPU memory in blocks of 256 MiB (`MemoryBlockSize`). */
export const VCUDA_MEMORY_RESOURCE = 'tencent.com/vcuda-memory';
/** Pod annotation: a soft cap (0–100) the containers may burst to above their core share. */
export const VCUDA_CORE_LIMIT_ANNOTATION = 'tencent.com/vcuda-core-limit';
