/**
 * Name checks the container and volume rules need that `_names.ts` does not have, after
 * apimachinery v0.27 `pkg/util/validation/validation.go`. Each returns the Go function's messages
 * (empty when valid).
 */
import { byteLength, NO_ERRORS, regexError } from './names';

// hasChDirPrefix (v0.27)
function chDirPrefixErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME_RE = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** IsEnvVarName (v0.27): the strict pre-1.30 rule, before RelaxedEnvironmentVariableValidation. */
export function envVarNameErrors(value: string): readonly string[] {
  // The common case, decided before any message is built: the regex holds and no '..'/'.' prefix.
  if (ENV_VAR_NAME_RE.test(value) && !value.startsWith('.')) return NO_ERRORS;
  const errs: string[] = [];
  if (!ENV_VAR_NAME_RE.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_VAR_NAME_FMT,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  return [...errs, ...chDirPrefixErrors(value)];
}

/** IsRelaxedEnvVarName (1.30+): any printable ASCII but '='. */
export function relaxedEnvVarNameErrors(value: string): readonly string[] {
  if (/^[\x20-\x3c\x3e-\x7e]+$/.test(value)) return NO_ERRORS;
  return ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY_RE = /^[-._a-zA-Z0-9]+$/;

/** IsConfigMapKey (v0.27): at most 253 characters of alphanumerics, '-', '_', '.'; not '.' or '..*'. */
export function configMapKeyErrors(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_MAP_KEY_RE.test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  }
  return [...errs, ...chDirPrefixErrors(value)];
}

/** IsValidPortName (v0.27): an IANA_SVC_NAME. */
const PLAIN_PORT_NAME_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HAS_LETTER_RE = /[a-z]/;

export function portNameErrors(port: string): readonly string[] {
  // The common case: at most 15 of [a-z0-9] in hyphen-separated runs, with a letter somewhere.
  if (port.length <= 15 && PLAIN_PORT_NAME_RE.test(port) && HAS_LETTER_RE.test(port)) return NO_ERRORS;
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** IsValidPortNum (v0.27): 1..65535. */
export function isValidPortNum(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

export const PORT_RANGE_ERROR = 'must be between 1 and 65535, inclusive';

/** IsHTTPHeaderName (v0.27). */
export function httpHeaderNameErrors(value: string): string[] {
  return /^[-A-Za-z0-9]+$/.test(value)
    ? []
    : [
        regexError(
          "a valid HTTP header must consist of alphanumeric characters or '-'",
          '[-A-Za-z0-9]+',
          'X-Header-Name',
        ),
      ];
}

/** IsValidUserID / IsValidGroupID (v0.27): 0..2^31-1. */
export function isValidUnixId(id: number): boolean {
  return Number.isInteger(id) && id >= 0 && id <= 2147483647;
}

export const UNIX_ID_RANGE_ERROR = 'must be between 0 and 2147483647, inclusive';
