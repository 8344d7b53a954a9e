/**
 * The one way a manifest string becomes code. JSON.stringify escapes quotes, backslashes and
 * control characters; backticks and `${` are inert inside a double-quoted literal. On top of it:
 * U+2028/U+2029 (line terminators to pre-ES2019 parsers and to many tools) and `</script`
 * (so generated code can be embedded in HTML) are escaped. Manifest text never goes in comments.
 */
export function stringLiteral(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/<\/(script)/gi, '<\\/$1');
}

/** A number as code: `-0`, `NaN` and the infinities kept (JSON.stringify would write `null`). */
export function numberLiteral(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

/**
 * An object key taken from a manifest. Always quoted; `__proto__` is written as a computed key,
 * because `{ "__proto__": x }` in an object literal sets the prototype instead of a property.
 */
export function propertyKey(k: string): string {
  return k === '__proto__' ? `[${stringLiteral(k)}]` : stringLiteral(k);
}
