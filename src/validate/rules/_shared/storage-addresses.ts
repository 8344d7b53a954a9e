/**
 * Addresses of network storage as 1.27's validation reads them: iSCSI qualified names (target IQN
 * and initiator name) and Quobyte registry host:port pairs.
 */

// pkg/apis/core/validation (1.27): iscsiInitiatorIqnRegex, iscsiInitiatorEuiRegex,
// iscsiInitiatorNaaRegex. The IQN pattern is not anchored at its start in Go either; [[:alnum:]] is
// ASCII, Go's `.` does not match a newline and Go's \s is [\t\n\f\r ].
const IQN = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\t\n\f\r ]+)$/;
const EUI = /^eui[^\n][A-Za-z0-9]{16}$/;
const NAA = /^naa[^\n][A-Za-z0-9]{32}$/;

/**
 * What is wrong with an iSCSI qualified name, in validateISCSIVolumeSource's (1.27) words, or
 * undefined: it must start with iqn, eui or naa, and then match that format.
 */
export function iscsiNameProblem(name: string): string | undefined {
  if (!name.startsWith('iqn') && !name.startsWith('eui') && !name.startsWith('naa'))
    return 'must be valid format starting with iqn, eui, or naa';
  if (name.startsWith('iqn') && !IQN.test(name)) return 'must be valid format';
  if (name.startsWith('eui') && !EUI.test(name)) return 'must be valid format';
  if (name.startsWith('naa') && !NAA.test(name)) return 'must be valid format';
  return undefined;
}

/** Whether Go's net.SplitHostPort accepts `hostport` (its checks, in its order). */
export function splitsHostPort(hostport: string): boolean {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return false; // missing port
  let j = 0;
  let k = 0;
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']');
    if (end < 0) return false; // missing ']'
    if (end + 1 !== i) return false; // missing port, or too many colons
    j = 1;
    k = end + 1;
  } else if (hostport.slice(0, i).includes(':')) return false; // too many colons
  if (hostport.slice(j).includes('[')) return false;
  if (hostport.slice(k).includes(']')) return false;
  return true;
}
