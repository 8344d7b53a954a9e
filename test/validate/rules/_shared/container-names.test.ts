import { describe, expect, it } from 'vitest';
import {
  configMapKeyErrors,
  envVarNameErrors,
  httpHeaderNameErrors,
  isValidPortNum,
  isValidUnixId,
  portNameErrors,
  relaxedEnvVarNameErrors,
} from '../../../../src/validate/rules/_shared/container-names';

// Table-driven cases after apimachinery v0.27 pkg/util/validation/validation_test.go
// (TestIsEnvVarName, TestIsConfigMapKey, TestIsValidPortName, TestIsValidPortNum,
// TestIsHTTPHeaderName, TestIsValidUserID), each asserting the exact messages.

const ENV_REGEX =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const KEY_REGEX =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('envVarNameErrors (IsEnvVarName)', () => {
  it.each(['abc', 'A', 'AbC_123', 'abc-123', 'a.b', '_x', '-x', '.x', 'x..y'])('accepts %j', (v) => {
    expect(envVarNameErrors(v)).toEqual([]);
  });

  it.each([
    ['1abc', [ENV_REGEX]],
    ['', [ENV_REGEX]],
    ['a b', [ENV_REGEX]],
    ['x1$', [ENV_REGEX]],
    ['.', ["must not be '.'"]],
    ['..', ["must not be '..'"]],
    ['..abc', ["must not start with '..'"]],
    ['..a b', [ENV_REGEX, "must not start with '..'"]],
  ])('rejects %j', (v, want) => {
    expect(envVarNameErrors(v)).toEqual(want);
  });
});

describe('relaxedEnvVarNameErrors (IsRelaxedEnvVarName, 1.30+)', () => {
  it.each(['1abc', 'a b', ' ', '~x!', 'x<y>'])('accepts %j', (v) => {
    expect(relaxedEnvVarNameErrors(v)).toEqual([]);
  });

  it.each(['', 'a=b', 'tab\there', 'é', 'x\u007f'])('rejects %j', (v) => {
    expect(relaxedEnvVarNameErrors(v)).toEqual([
      "a valid environment variable name must consist only of printable ASCII characters other than '='",
    ]);
  });
});

describe('configMapKeyErrors (IsConfigMapKey)', () => {
  it.each(['a', 'key.name', 'KEY_NAME', 'key-name', '.a', '1', 'a'.repeat(253)])('accepts %j', (v) => {
    expect(configMapKeyErrors(v)).toEqual([]);
  });

  it.each([
    ['a'.repeat(254), ['must be no more than 253 characters']],
    ['a b', [KEY_REGEX]],
    ['a/b', [KEY_REGEX]],
    ['', [KEY_REGEX]],
    ['.', ["must not be '.'"]],
    ['..', ["must not be '..'"]],
    ['..a', ["must not start with '..'"]],
    [`..${'a'.repeat(252)}/`, ['must be no more than 253 characters', KEY_REGEX, "must not start with '..'"]],
  ])('rejects %j', (v, want) => {
    expect(configMapKeyErrors(v)).toEqual(want);
  });
});

describe('portNameErrors (IsValidPortName)', () => {
  it.each(['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', 'abcdefghijklmno', '1a', 'a1b2-c3'])('accepts %j', (v) => {
    expect(portNameErrors(v)).toEqual([]);
  });

  it.each([
    ['longerthan15characters', ['must be no more than 15 characters']],
    [
      '',
      [
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)',
      ],
    ],
    ['Web', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['a_b', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['1234', ['must contain at least one letter (a-z)']],
    ['a--b', ['must not contain consecutive hyphens']],
    ['-ab', ['must not begin or end with a hyphen']],
    ['ab-', ['must not begin or end with a hyphen']],
    ['-', ['must contain at least one letter (a-z)', 'must not begin or end with a hyphen']],
    // Runs of other characters between hyphens: each is a fault however the runs are split.
    ['A-b', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['a-B', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['--a', ['must not contain consecutive hyphens', 'must not begin or end with a hyphen']],
    ['a--', ['must not contain consecutive hyphens', 'must not begin or end with a hyphen']],
    // Exactly 15 characters is within the limit, so only the other fault is named.
    ['123456789012345', ['must contain at least one letter (a-z)']],
    ['abcdefghijklmn_', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    [
      '-1234567890123--',
      [
        'must be no more than 15 characters',
        'must contain at least one letter (a-z)',
        'must not contain consecutive hyphens',
        'must not begin or end with a hyphen',
      ],
    ],
  ])('rejects %j', (v, want) => {
    expect(portNameErrors(v)).toEqual(want);
  });
});

describe('number ranges', () => {
  it.each([
    [1, true],
    [65535, true],
    [0, false],
    [65536, false],
    [-1, false],
    [80.5, false],
  ])('isValidPortNum(%j) is %j', (n, ok) => {
    expect(isValidPortNum(n)).toBe(ok);
  });

  it.each([
    [0, true],
    [2147483647, true],
    [-1, false],
    [2147483648, false],
    [1.5, false],
  ])('isValidUnixId(%j) is %j', (n, ok) => {
    expect(isValidUnixId(n)).toBe(ok);
  });
});

describe('httpHeaderNameErrors (IsHTTPHeaderName)', () => {
  it.each(['X-Header', 'x-header-1', 'A', '-'])('accepts %j', (v) => {
    expect(httpHeaderNameErrors(v)).toEqual([]);
  });

  it.each(['', 'X Header', 'X_Header', 'X:Header', 'Ä'])('rejects %j', (v) => {
    expect(httpHeaderNameErrors(v)).toEqual([
      "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
    ]);
  });
});
