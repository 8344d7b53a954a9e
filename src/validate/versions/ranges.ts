import { SUPPORTED_KUBERNETES_VERSIONS } from './minors';

/**
 * A list of minors written compactly for people: consecutive supported minors become a range,
 * e.g. `['1.27', '1.28', '1.29', '1.33']` → `1.27-1.29, 1.33`.
 */
export function versionRanges(versions: readonly string[]): string {
  const all: readonly string[] = SUPPORTED_KUBERNETES_VERSIONS;
  const sorted = [...new Set(versions)].sort((a, b) => all.indexOf(a) - all.indexOf(b));
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && all.indexOf(sorted[i]) === all.indexOf(sorted[i - 1]) + 1) continue;
    out.push(i - 1 === start ? sorted[start] : `${sorted[start]}-${sorted[i - 1]}`);
    start = i;
  }
  return out.join(', ');
}
