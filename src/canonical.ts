const FIRST_KEYS = ['apiVersion', 'kind', 'metadata'];

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    // defineProperty, not assignment: a `__proto__` key must stay data, not become the prototype.
    if (v !== undefined)
      Object.defineProperty(out, k, { value: sortDeep(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A manifest in the project's canonical key order, the order cdk8s's ApiObject.toJson writes:
 * `apiVersion`, `kind`, `metadata`, then every other key, and all nested keys, sorted.
 * Undefined values are dropped. Used to compare hand-written YAML with synthesized YAML byte for byte.
 */
export function canonicalManifest(manifest: unknown): unknown {
  const sorted = sortDeep(manifest);
  if (typeof sorted !== 'object' || sorted === null || Array.isArray(sorted)) return sorted;
  const rec = sorted as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of [...FIRST_KEYS, ...Object.keys(rec)]) {
    if (Object.hasOwn(rec, k) && !Object.hasOwn(out, k)) {
      Object.defineProperty(out, k, { value: rec[k], enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}
