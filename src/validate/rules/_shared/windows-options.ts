import type { FieldPath, Issue } from '../../issue';
import { get, isSet, issue, show } from '../../read';
import { NO_ISSUES } from '../../rule';
import { byteLength, dns1123SubdomainErrors } from './names';

// The patterns of pkg/apis/core/validation (1.27) for Windows user names. Go matches runes, hence
// the `u` flag; [[:cntrl:]] is ASCII.
// biome-ignore lint/suspicious/noControlCharactersInRegex: Go's ctrlRegex, [[:cntrl:]]
const CTRL = /[\x00-\x1f\x7f]/;
/** validNetBiosRegex: 1 to 15 characters, none of \ / : * ? " < > |, not starting with a dot. */
const NET_BIOS = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/u;
/** validWindowsUserDomainDNSRegex: dot-separated labels of 1 to 63 letters, digits and inner dashes. */
const DNS_LABEL = '[a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?';
const DNS_DOMAIN = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
/** invalidUserNameCharsRegex and invalidUserNameDotsSpacesRegex. */
const USER_BAD_CHARS = /["/\\:;|=,+*?<>@[\]]/;
const USER_DOTS_SPACES = /^[. ]+$/;

const MAX_DOMAIN = 256;
const MAX_USER = 104;
const MAX_GMSA_KIB = 64;

/** What is wrong with runAsUserName, in validateWindowsSecurityContextOptions' (1.27) words and order. */
function runAsUserNameProblems(name: string): string[] {
  if (name === '') return ['runAsUserName cannot be an empty string'];
  if (CTRL.test(name)) return ['runAsUserName cannot contain control characters'];
  const parts = name.split('\\');
  if (parts.length > 2) return ['runAsUserName cannot contain more than one backslash'];
  const hasDomain = parts.length === 2;
  const domain = hasDomain ? parts[0] : '';
  const user = hasDomain ? parts[1] : parts[0];
  const out: string[] = [];
  if (byteLength(domain) >= MAX_DOMAIN)
    out.push(`runAsUserName's Domain length must be under ${MAX_DOMAIN} characters`);
  if (hasDomain && !NET_BIOS.test(domain) && !DNS_DOMAIN.test(domain))
    out.push("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
  if (user === '') out.push("runAsUserName's User cannot be empty");
  else if (byteLength(user) > MAX_USER)
    out.push(`runAsUserName's User length must not be longer than ${MAX_USER} characters`);
  if (USER_DOTS_SPACES.test(user)) out.push("runAsUserName's User cannot contain only periods or spaces");
  if (USER_BAD_CHARS.test(user))
    out.push(`runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`);
  return out;
}

/**
 * validateWindowsSecurityContextOptions (1.27), for a container's and the pod's
 * securityContext.windowsOptions.
 */
export function windowsOptionsIssues(w: unknown, path: FieldPath): readonly Issue[] {
  if (!isSet(w)) return NO_ISSUES;
  const out: Issue[] = [];
  const invalid = (k: string, v: unknown, m: string): void => {
    out.push(issue([...path, k], 'security-context/windows-option-invalid', `Invalid value ${show(v)}: ${m}`));
  };
  const specName = get(w, 'gmsaCredentialSpecName');
  if (typeof specName === 'string')
    for (const m of dns1123SubdomainErrors(specName)) invalid('gmsaCredentialSpecName', specName, m);
  const spec = get(w, 'gmsaCredentialSpec');
  if (typeof spec === 'string') {
    if (spec === '') invalid('gmsaCredentialSpec', spec, 'gmsaCredentialSpec cannot be an empty string');
    else if (byteLength(spec) > MAX_GMSA_KIB * 1024)
      invalid(
        'gmsaCredentialSpec',
        `(${byteLength(spec)} bytes)`,
        `gmsaCredentialSpec size must be under ${MAX_GMSA_KIB} KiB`,
      );
  }
  const user = get(w, 'runAsUserName');
  if (typeof user === 'string') for (const m of runAsUserNameProblems(user)) invalid('runAsUserName', user, m);
  return out;
}
