/**
 * Rows whose rule is not ported yet, with the minors where we still answer differently. Listed so
 * that the gap is visible and shrinks: a listed pair that starts agreeing fails too (strike it).
 */
export const NOT_YET: Readonly<Record<string, string>> = {
  '1.29-7a-sleep-hook': '1.30 1.31 1.32 1.33 1.34',
  '1.29-7b-sleep-and-exec': '1.30 1.31 1.32 1.33 1.34',
  '1.30-1a-apparmor-localhost-without-profile': '1.30 1.31 1.32 1.33 1.34',
  '1.30-3-sleep-zero': '1.30 1.31 1.32 1.33 1.34',
  '1.30-5-host-alias-bad-ip': '1.30 1.31 1.32 1.33 1.34',
  '1.31-4-recursive-read-only-writable': '1.31 1.32 1.33 1.34',
  '1.31-5-match-label-keys-without-selector': '1.31 1.32 1.33 1.34',
  '1.32-1-selinux-change-policy': '1.33 1.34',
  '1.33-4-proc-mount-unmasked': '1.33 1.34',
  '1.33-5-supplemental-groups-policy-lowercase': '1.33 1.34',
  '1.33-7-resize-policy': '1.33 1.34',
  '1.33-8-dns-search-underscore': '1.33 1.34',
  '1.34-5-pod-level-limit-exceeded': '1.34',
  '1.34-6-resource-claim-without-source': '1.34',
  '1.34-8-spread-match-label-keys-in-selector': '1.34',
  '1.34-9-ephemeral-attributes-class-invalid': '1.34',
};
