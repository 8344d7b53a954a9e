/**
 * Rows whose rule is not ported yet, with the minors where we still answer differently. Listed so
 * that the gap is visible and shrinks: a listed pair that starts agreeing fails too (strike it).
 */
export const NOT_YET: Readonly<Record<string, string>> = {};
