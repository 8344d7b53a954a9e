/** A deep copy of plain data, so later edits by the caller don't leak into the manifest. */
export function copyPlain<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}
