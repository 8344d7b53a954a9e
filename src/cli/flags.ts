import { UsageError } from './io';

/** Default cap on one input's size: manifests are kilobytes, so this only stops runaway input. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** The `--max-bytes` option of validate and import: a positive whole number, or the default when absent. */
export function parseMaxBytes(option: string | undefined): number {
  const maxBytes = option === undefined ? DEFAULT_MAX_BYTES : Number(option);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0)
    throw new UsageError(`--max-bytes must be a positive whole number, got "${option}"`);
  return maxBytes;
}
