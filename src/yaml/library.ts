import type * as YamlLibrary from 'yaml';

let library: typeof YamlLibrary | undefined;

/**
 * The yaml package, loaded on first use: loading it takes ~55 ms, which `validate` of plain block
 * YAML (read by the block reader alone) never needs to pay.
 */
export function yamlLibrary(): typeof YamlLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('yaml') as typeof YamlLibrary;
  return library;
}
