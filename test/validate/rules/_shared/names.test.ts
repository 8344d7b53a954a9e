import { describe, expect, it } from 'vitest';
import {
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  dns1123SubdomainWithUnderscoreErrors,
  isCIdentifier,
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isLabelValue,
  isQualifiedName,
  labelValueErrors,
  longerThan,
  nameIsDnsLabel,
  nameIsDnsSubdomain,
  qualifiedNameErrors,
  regexError,
  validateAnnotations,
  validateLabelSelector,
  validateLabels,
} from '../../../../src/validate/rules/_shared/names';
import { type Issue, toFieldPath } from '../../../../src/validate/issue';

// apimachinery v0.27 pkg/util/validation (TestIsDNS1123Label, TestIsQualifiedName, …) and
// meta/v1/validation (TestValidateLabels, TestValidateLabelSelector): the messages are Go's own.

const LABEL_RE = "(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const LABEL_MSG = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character ${LABEL_RE}`;
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QNAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const MAX63 = 'must be no more than 63 characters';

describe('longerThan counts UTF-8 bytes, as Go len()', () => {
  it.each([
    ['a'.repeat(63), false],
    ['a'.repeat(64), true],
    ['é'.repeat(31), false], // 62 bytes
    ['é'.repeat(32), true], // 64 bytes in 32 UTF-16 units
    ['€'.repeat(21), false], // 63 bytes
    ['€'.repeat(22), true], // 66 bytes
  ])('%j', (s, longer) => {
    expect(longerThan(s, 63)).toBe(longer);
  });
});

describe('IsDNS1123Label', () => {
  it.each([
    ['a', []],
    ['a'.repeat(63), []],
    ['0-9', []],
    ['', [LABEL_MSG]],
    ['A', [LABEL_MSG]],
    ['-a', [LABEL_MSG]],
    ['a.b', ['must not contain dots']],
    ['a'.repeat(64), [MAX63]],
    [`${'a'.repeat(64)}.b`, [MAX63, 'must not contain dots']],
    [`${'a'.repeat(64)}_`, [MAX63, LABEL_MSG]],
  ])('%j', (v, errs) => {
    expect(dns1123LabelErrors(v)).toEqual(errs);
    expect(isDns1123Label(v)).toBe(errs.length === 0);
  });
});

describe('IsDNS1123Subdomain', () => {
  it.each([
    ['a.b-c.d', []],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, []], // 253
    [
      `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`,
      ['must be no more than 253 characters'],
    ],
    ['A.b', [SUBDOMAIN_MSG]],
    ['a..b', [SUBDOMAIN_MSG]],
    [`${'a'.repeat(254)}_`, ['must be no more than 253 characters', SUBDOMAIN_MSG]],
  ])('%j', (v, errs) => {
    expect(dns1123SubdomainErrors(v)).toEqual(errs);
    expect(isDns1123Subdomain(v)).toBe(errs.length === 0);
  });
});

// The 1.34 server's messages for dnsConfig.searches with RelaxedDNSSearchValidation (k8s-oracle run 1.34).
const UNDERSCORE_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')";
const SRV_253 = `_a.${'a'.repeat(63)}.${'a'.repeat(63)}.${'a'.repeat(63)}.${'b'.repeat(58)}`;

describe('IsDNS1123SubdomainWithUnderscore', () => {
  it.each([
    ['_ldap._tcp.example', []],
    [SRV_253, []],
    [`${SRV_253}b`, ['must be no more than 253 characters']], // 254 bytes, the pattern holds
    ['A', [UNDERSCORE_MSG]],
    [`${'_'.repeat(254)}A`, ['must be no more than 253 characters', UNDERSCORE_MSG]],
  ])('%j', (v, errs) => {
    expect(dns1123SubdomainWithUnderscoreErrors(v)).toEqual(errs);
  });
});

describe('IsDNS1035Label', () => {
  it.each([
    ['a-1', []],
    ['a'.repeat(63), []],
    ['1a', [DNS1035_MSG]],
    ['a'.repeat(64), [MAX63]],
    [`1${'a'.repeat(63)}`, [MAX63, DNS1035_MSG]],
  ])('%j', (v, errs) => {
    expect(dns1035LabelErrors(v)).toEqual(errs);
    expect(isDns1035Label(v)).toBe(errs.length === 0);
  });
});

describe('RegexError', () => {
  // apimachinery validation.go RegexError: without examples the message names the regex alone.
  it('words a message without examples as Go does', () => {
    expect(regexError('must be lower case', '[a-z]+')).toBe(
      "must be lower case (regex used for validation is '[a-z]+')",
    );
  });

  it('writes "\'x\', " after each example and " or " between them', () => {
    expect(regexError('m', 'f', 'a', 'b')).toBe("m (e.g. 'a',  or 'b', regex used for validation is 'f')");
  });
});

describe('IsCIdentifier', () => {
  it.each([
    ['_a1', true],
    ['A_b', true],
    ['1a', false],
    ['a-b', false],
    ['', false],
    ['a b', false],
  ])('%j', (v, ok) => {
    expect(isCIdentifier(v)).toBe(ok);
  });
});

describe('IsQualifiedName', () => {
  it.each([
    ['simple', []],
    ['now-with-dashes', []],
    ['1-starts-with-num', []],
    ['1234', []],
    ['simple/simple', []],
    ['now-with-dashes/simple', []],
    ['example.com/Upper_Case.Name', []],
    ['a'.repeat(63), []],
    [`${'p'.repeat(253)}/${'a'.repeat(63)}`, []],
    [
      'a/b/c',
      [`a qualified name ${QNAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ],
    ['/a', ['prefix part must be non-empty']],
    ['Bad_Prefix/a', [`prefix part ${SUBDOMAIN_MSG}`]],
    [`${'p'.repeat(254)}/a`, ['prefix part must be no more than 253 characters']],
    ['a/', ['name part must be non-empty', `name part ${QNAME_MSG}`]],
    ['', ['name part must be non-empty', `name part ${QNAME_MSG}`]],
    ['a'.repeat(64), [`name part ${MAX63}`]],
    [`p/${'a'.repeat(64)}`, [`name part ${MAX63}`]],
    ['-a', [`name part ${QNAME_MSG}`]],
    ['a/-b', [`name part ${QNAME_MSG}`]],
    [`${'a'.repeat(63)}_`, [`name part ${MAX63}`, `name part ${QNAME_MSG}`]],
  ])('%j', (v, errs) => {
    expect(qualifiedNameErrors(v)).toEqual(errs);
    expect(isQualifiedName(v)).toBe(errs.length === 0);
  });
});

describe('IsValidLabelValue', () => {
  it.each([
    ['', []],
    ['MyValue_1.0-a', []],
    ['a'.repeat(63), []],
    ['a'.repeat(64), [MAX63]],
    ['-a', [LABEL_VALUE_MSG]],
    ['a b', [LABEL_VALUE_MSG]],
    [`${'a'.repeat(63)}-`, [MAX63, LABEL_VALUE_MSG]],
  ])('%j', (v, errs) => {
    expect(labelValueErrors(v)).toEqual(errs);
    expect(isLabelValue(v)).toBe(errs.length === 0);
  });
});

describe('NameIsDNSSubdomain and NameIsDNSLabel with a generateName prefix (maskTrailingDash)', () => {
  it('allows a trailing dash in a prefix only', () => {
    expect(nameIsDnsSubdomain('agent-', true)).toEqual([]);
    expect(nameIsDnsSubdomain('agent-', false)).toEqual([SUBDOMAIN_MSG]);
    expect(nameIsDnsLabel('agent-', true)).toEqual([]);
    expect(nameIsDnsLabel('agent-', false)).toEqual([LABEL_MSG]);
  });

  it('replaces the last two characters, as Go does, so "A-" passes as a prefix', () => {
    expect(nameIsDnsSubdomain('A-', true)).toEqual([]);
    expect(nameIsDnsLabel('aB-', true)).toEqual([]);
  });

  it('leaves a lone dash and a name without a trailing dash as they are', () => {
    expect(nameIsDnsSubdomain('-', true)).toEqual([SUBDOMAIN_MSG]);
    expect(nameIsDnsLabel('Ab', true)).toEqual([LABEL_MSG]);
  });
});

const at = (issues: readonly Issue[]) => issues.map((i) => `${toFieldPath(i.path)} ${i.code} ${i.message}`);

describe('ValidateLabels', () => {
  it('reports key and value errors at the map', () => {
    expect(at(validateLabels({ 'a/b/c': 'x', ok: '-bad', n: 1, good: 'yes' }, ['metadata', 'labels']))).toEqual([
      `metadata.labels metadata/label-key-invalid label key "a/b/c": a qualified name ${QNAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      `metadata.labels metadata/label-value-invalid value "-bad" of label "ok": ${LABEL_VALUE_MSG}`,
    ]);
  });

  it('joins several errors of one key with "; "', () => {
    expect(at(validateLabels({ [`${'a'.repeat(63)}_`]: 'v' }, ['l']))[0]).toContain(
      `: name part ${MAX63}; name part ${QNAME_MSG}`,
    );
  });

  it('has nothing to say about a valid map or a non-map', () => {
    expect(validateLabels({ app: 'agent', 'example.com/tier': '' }, ['l'])).toEqual([]);
    expect(validateLabels(['app'], ['l'])).toEqual([]);
  });
});

describe('ValidateAnnotations', () => {
  it('compares keys case-insensitively and reports bad ones at the map', () => {
    expect(validateAnnotations({ 'Example.COM/Key': 'v' }, ['a'])).toEqual([]);
    expect(at(validateAnnotations({ 'a b': 'v' }, ['metadata', 'annotations']))).toEqual([
      `metadata.annotations metadata/annotation-key-invalid annotation key "a b": name part ${QNAME_MSG}`,
    ]);
  });

  it('allows 256 KiB of keys plus values and no more', () => {
    const limit = 256 * 1024;
    expect(validateAnnotations({ k: 'v'.repeat(limit - 1) }, ['a'])).toEqual([]);
    expect(validateAnnotations({ k: 'v'.repeat(limit - 2), n: 5 }, ['a'])).toEqual([]); // a non-string value counts 0
    expect(at(validateAnnotations({ k: 'v'.repeat(limit) }, ['a']))).toEqual([
      `a metadata/annotations-too-long may not be more than ${limit} bytes in total (keys plus values), got ${limit + 1}`,
    ]);
    expect(at(validateAnnotations({ k: 'é'.repeat(limit / 2) }, ['a']))).toHaveLength(1); // bytes, not characters
  });

  it('has nothing to say about a non-map', () => {
    expect(validateAnnotations('x', ['a'])).toEqual([]);
  });
});

describe('ValidateLabelSelector', () => {
  const S = ['spec', 'selector'];
  const expr = (e: object) => at(validateLabelSelector({ matchExpressions: [e] }, S));
  const E = 'spec.selector.matchExpressions[0]';

  it.each(['In', 'NotIn'])('requires values with %s', (operator) => {
    expect(expr({ key: 'k', operator })).toEqual([
      `${E}.values selector/values-required must be specified when \`operator\` is 'In' or 'NotIn'`,
    ]);
    expect(expr({ key: 'k', operator, values: ['a'] })).toEqual([]);
  });

  it.each(['Exists', 'DoesNotExist'])('forbids values with %s', (operator) => {
    expect(expr({ key: 'k', operator, values: ['a'] })).toEqual([
      `${E}.values selector/values-forbidden may not be specified when \`operator\` is 'Exists' or 'DoesNotExist', got ["a"]`,
    ]);
    expect(expr({ key: 'k', operator })).toEqual([]);
  });

  it('rejects an unknown or missing operator, and leaves a non-string one to the type rules', () => {
    expect(expr({ key: 'k', operator: 'Equals' })).toEqual([
      `${E}.operator selector/operator-invalid "Equals" is not a valid selector operator: use In, NotIn, Exists or DoesNotExist`,
    ]);
    expect(expr({ key: 'k' })).toEqual([
      `${E}.operator selector/operator-invalid "" is not a valid selector operator: use In, NotIn, Exists or DoesNotExist`,
    ]);
    expect(expr({ key: 'k', operator: null })).toHaveLength(1);
    expect(expr({ key: 'k', operator: 3 })).toEqual([]);
  });

  it('checks the key as a qualified name, a missing one as ""', () => {
    expect(expr({ key: 'a/b/c', operator: 'Exists' })).toEqual([
      `${E}.key selector/key-invalid "a/b/c": a qualified name ${QNAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]);
    expect(expr({ operator: 'Exists' })).toEqual([
      `${E}.key selector/key-invalid "": name part must be non-empty; name part ${QNAME_MSG}`,
    ]);
    expect(expr({ key: null, operator: 'Exists' })).toHaveLength(1);
    expect(expr({ key: 7, operator: 'Exists' })).toEqual([]);
  });

  it('checks each string value as a label value, at its index', () => {
    expect(expr({ key: 'k', operator: 'In', values: ['ok', 5, '-bad'] })).toEqual([
      `${E}.values[2] selector/value-invalid "-bad": ${LABEL_VALUE_MSG}`,
    ]);
  });

  it('checks matchLabels as labels', () => {
    expect(at(validateLabelSelector({ matchLabels: { app: '-x' } }, S))).toEqual([
      `spec.selector.matchLabels metadata/label-value-invalid value "-x" of label "app": ${LABEL_VALUE_MSG}`,
    ]);
  });
});
