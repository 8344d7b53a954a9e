import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/* eslint-disable @typescript-eslint/no-explicit-any */

const CORPORA = process.env.K8S_CORPORA;

/**
 * Reads a vendor's DaemonSet from $K8S_CORPORA/daemonsets-in-the-wild, or returns undefined with a
 * visible notice, so the comparison tests skip instead of passing silently.
 */
export function vendorManifest(file: string): any {
  const full = CORPORA ? path.join(CORPORA, 'daemonsets-in-the-wild', file) : undefined;
  if (!full || !fs.existsSync(full)) {
    console.warn(`NOTICE: comparison with the vendor's ${file} skipped: set K8S_CORPORA to the shared/corpora folder`);
    return undefined;
  }
  return parse(fs.readFileSync(full, 'utf8'), { version: '1.1' });
}
