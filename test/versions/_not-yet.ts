/**
 * Rows whose rule is not ported yet, with the minors where we still answer differently. Listed so
 * that the gap is visible and shrinks: a listed pair that starts agreeing fails too (strike it).
 */
export const NOT_YET: Readonly<Record<string, string>> = {
  '1.33-7-resize-policy': '1.33 1.34',
  '1.34-5-pod-level-limit-exceeded': '1.34',
  '1.34-6-resource-claim-without-source': '1.34',
  '1.34-9-ephemeral-attributes-class-invalid': '1.34',
};
