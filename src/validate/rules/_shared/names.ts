/**
 * Name and label checks shared by several rule files, after apimachinery v0.27
 * `pkg/util/validation/validation.go` and `pkg/apis/meta/v1/validation/validation.go`.
 *
 * Two shapes per check: `isXxx(value): boolean` for a yes/no, and `xxxErrors(value): string[]`
 * (the Go function's list of messages, empty when valid) to put in an issue's message.
 * Lengths count UTF-8 bytes, as Go's `len(string)` does.
 */
import type { FieldPath, Issue } from '../../issue';
import { get, isObject, list, show } from '../../read';
import { NO_ISSUES } from '../../rule';

/** Length in bytes of the UTF-8 encoding, as Go's `len(s)`. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * True when Go's `len(s) > max`. A UTF-16 unit is one to three UTF-8 bytes, so the bytes are
 * counted only when the length alone cannot tell.
 */
export function longerThan(s: string, max: number): boolean {
  if (s.length > max) return true;
  if (s.length * 3 <= max) return false;
  return byteLength(s) > max;
}

/** The answer of a check that found nothing, shared (and frozen) rather than a fresh `[]` per call. */
export const NO_ERRORS: readonly string[] = Object.freeze([]);

function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

/** RegexError (apimachinery): the message of a failed pattern, with Go's wording of the examples. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  // RegexError writes "'x', " after each example and " or " between them, hence "'a',  or 'b', ".
  const ex = examples.map((e) => `'${e}', `).join(' or ');
  return `${msg} (e.g. ${ex}regex used for validation is '${fmt}')`;
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';

const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);
const QNAME_RE = new RegExp(`^${QNAME_FMT}$`);
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const C_IDENTIFIER_RE = new RegExp(`^${C_IDENTIFIER_FMT}$`);

const QNAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsDNS1123Label: at most 63 lowercase alphanumerics or '-', alphanumeric at both ends. */
export function dns1123LabelErrors(value: string): readonly string[] {
  // The regex admits only ASCII, so a match of at most 63 characters is at most 63 bytes.
  if (value.length <= 63 && DNS1123_LABEL_RE.test(value)) return NO_ERRORS;
  const errs: string[] = [];
  if (longerThan(value, 63)) errs.push(maxLenError(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else {
      errs.push(
        regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          DNS1123_LABEL_FMT,
          'my-name',
          '123-abc',
        ),
      );
    }
  }
  return errs;
}

export function isDns1123Label(value: string): boolean {
  return dns1123LabelErrors(value).length === 0;
}

/** IsDNS1123Subdomain: at most 253 bytes of dot-separated RFC 1123 labels. */
export function dns1123SubdomainErrors(value: string): readonly string[] {
  if (value.length <= 253 && DNS1123_SUBDOMAIN_RE.test(value)) return NO_ERRORS;
  const errs: string[] = [];
  if (longerThan(value, 253)) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        'example.com',
      ),
    );
  }
  return errs;
}

const DNS1123_LABEL_UNDERSCORE_FMT = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_UNDERSCORE_FMT = `${DNS1123_LABEL_UNDERSCORE_FMT}(\\.${DNS1123_LABEL_UNDERSCORE_FMT})*`;
const DNS1123_SUBDOMAIN_UNDERSCORE_RE = new RegExp(`^${DNS1123_SUBDOMAIN_UNDERSCORE_FMT}$`);

/**
 * IsDNS1123SubdomainWithUnderscore (apimachinery 1.33, for RelaxedDNSSearchValidation): each
 * label may start with one '_' and hold '_' inside (SRV-style `_ldap._tcp.example`). The message
 * is 1.34's: 1.33 printed the plain subdomain regex beside the new wording.
 */
export function dns1123SubdomainWithUnderscoreErrors(value: string): readonly string[] {
  if (value.length <= 253 && DNS1123_SUBDOMAIN_UNDERSCORE_RE.test(value)) return NO_ERRORS;
  const errs: string[] = [];
  if (longerThan(value, 253)) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_UNDERSCORE_RE.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_UNDERSCORE_FMT,
        'example.com',
      ),
    );
  }
  return errs;
}

export function isDns1123Subdomain(value: string): boolean {
  return dns1123SubdomainErrors(value).length === 0;
}

/** IsDNS1035Label: like an RFC 1123 label, but starting with a letter. */
export function dns1035LabelErrors(value: string): readonly string[] {
  if (value.length <= 63 && DNS1035_LABEL_RE.test(value)) return NO_ERRORS;
  const errs: string[] = [];
  if (longerThan(value, 63)) errs.push(maxLenError(63));
  if (!DNS1035_LABEL_RE.test(value)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        'my-name',
        'abc-123',
      ),
    );
  }
  return errs;
}

export function isDns1035Label(value: string): boolean {
  return dns1035LabelErrors(value).length === 0;
}

/** IsCIdentifier: letters, digits and '_', not starting with a digit. */
export function isCIdentifier(value: string): boolean {
  return C_IDENTIFIER_RE.test(value);
}

/**
 * The common case of IsQualifiedName, decided without building the messages: a valid name, with
 * at most one '/' and a valid DNS subdomain before it. The regexes admit only ASCII, so lengths are bytes.
 */
function isPlainQualifiedName(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return value.length <= 63 && QNAME_RE.test(value);
  if (value.indexOf('/', slash + 1) >= 0) return false;
  const name = value.slice(slash + 1);
  const prefix = value.slice(0, slash);
  return name.length <= 63 && QNAME_RE.test(name) && prefix.length <= 253 && DNS1123_SUBDOMAIN_RE.test(prefix);
}

/** IsQualifiedName: `[prefix/]name`, prefix a DNS subdomain, name ≤ 63 alphanumerics, '-', '_', '.'. */
export function qualifiedNameErrors(value: string): readonly string[] {
  if (isPlainQualifiedName(value)) return NO_ERRORS;
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (longerThan(name, 63)) errs.push(`name part ${maxLenError(63)}`);
  if (!QNAME_RE.test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

export function isQualifiedName(value: string): boolean {
  return qualifiedNameErrors(value).length === 0;
}

/** IsValidLabelValue: empty, or at most 63 alphanumerics, '-', '_', '.', alphanumeric at both ends. */
export function labelValueErrors(value: string): readonly string[] {
  if (value.length <= 63 && LABEL_VALUE_RE.test(value)) return NO_ERRORS;
  const errs: string[] = [];
  if (longerThan(value, 63)) errs.push(maxLenError(63));
  if (!LABEL_VALUE_RE.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

export function isLabelValue(value: string): boolean {
  return labelValueErrors(value).length === 0;
}

/**
 * maskTrailingDash (apimachinery 0.27): for a generateName prefix, a trailing '-' is allowed.
 * Go replaces the last *two* characters with "a" (`name[:len(name)-2] + "a"`); kept as is so that
 * verdicts match.
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** NameIsDNSSubdomain: a ValidateNameFunc; `prefix` for a generateName. */
export function nameIsDnsSubdomain(name: string, prefix: boolean): readonly string[] {
  return dns1123SubdomainErrors(prefix ? maskTrailingDash(name) : name);
}

/** NameIsDNSLabel: a ValidateNameFunc; `prefix` for a generateName. */
export function nameIsDnsLabel(name: string, prefix: boolean): readonly string[] {
  return dns1123LabelErrors(prefix ? maskTrailingDash(name) : name);
}

function joined(msgs: readonly string[]): string {
  return msgs.join('; ');
}

// ValidateLabels (apimachinery 0.27 meta/v1/validation): both key and value errors are
// reported at the labels map itself, not at the key.
/**
 * Labels map checks. Codes: `metadata/label-key-invalid`, `metadata/label-value-invalid`;
 * paths at `path` (the map), as the API server prints them. Values that are not strings are
 * left to the type rules.
 */
export function validateLabels(labels: unknown, path: FieldPath): Issue[] {
  if (!isObject(labels)) return NO_ISSUES;
  let out: Issue[] | undefined;
  for (const k of Object.keys(labels)) {
    const v = labels[k];
    const kErrs = qualifiedNameErrors(k);
    if (kErrs.length > 0) {
      out ??= [];
      out.push({
        path,
        code: 'metadata/label-key-invalid',
        message: `label key ${show(k)}: ${joined(kErrs)}`,
      });
    }
    if (typeof v !== 'string') continue;
    const vErrs = labelValueErrors(v);
    if (vErrs.length > 0) {
      out ??= [];
      out.push({
        path,
        code: 'metadata/label-value-invalid',
        message: `value ${show(v)} of label ${show(k)}: ${joined(vErrs)}`,
      });
    }
  }
  return out ?? NO_ISSUES;
}

/** TotalAnnotationSizeLimitB (apimachinery 0.27): 256 KiB over all keys and values. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

// ValidateAnnotations (apimachinery 0.27 api/validation/objectmeta.go): keys are qualified names
// compared case-insensitively; the sum of len(key)+len(value) is at most 256 KiB.
/** Annotations map checks. Codes: `metadata/annotation-key-invalid`, `metadata/annotations-too-long`. */
export function validateAnnotations(annotations: unknown, path: FieldPath): Issue[] {
  if (!isObject(annotations)) return NO_ISSUES;
  const out: Issue[] = [];
  let total = 0;
  for (const k of Object.keys(annotations)) {
    const v = annotations[k];
    const kErrs = qualifiedNameErrors(k.toLowerCase());
    if (kErrs.length > 0) {
      out.push({
        path,
        code: 'metadata/annotation-key-invalid',
        message: `annotation key ${show(k)}: ${joined(kErrs)}`,
      });
    }
    total += byteLength(k) + (typeof v === 'string' ? byteLength(v) : 0);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
    out.push({
      path,
      code: 'metadata/annotations-too-long',
      message: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes in total (keys plus values), got ${total}`,
    });
  }
  return out;
}

// ValidateLabelSelector + ValidateLabelSelectorRequirement (apimachinery 0.27 meta/v1/validation),
// with AllowInvalidLabelValueInSelector false, as on create.
/**
 * A metav1.LabelSelector: matchLabels as labels, each matchExpressions entry with its operator's
 * values rule, a qualified-name key and label-value values. Codes under `selector/`.
 */
export function validateLabelSelector(sel: unknown, path: FieldPath): Issue[] {
  const out: Issue[] = [];
  const matchLabels = get(sel, 'matchLabels');
  if (isObject(matchLabels)) out.push(...validateLabels(matchLabels, [...path, 'matchLabels']));
  list(get(sel, 'matchExpressions')).forEach((expr, i) => {
    const p: FieldPath = [...path, 'matchExpressions', i];
    const op = get(expr, 'operator');
    const values = list(get(expr, 'values'));
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) {
        out.push({
          path: [...p, 'values'],
          code: 'selector/values-required',
          message: "must be specified when `operator` is 'In' or 'NotIn'",
        });
      }
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) {
        out.push({
          path: [...p, 'values'],
          code: 'selector/values-forbidden',
          message: `may not be specified when \`operator\` is 'Exists' or 'DoesNotExist', got ${show(values)}`,
        });
      }
    } else if (typeof op === 'string' || op === undefined || op === null) {
      out.push({
        path: [...p, 'operator'],
        code: 'selector/operator-invalid',
        message: `${show(op ?? '')} is not a valid selector operator: use In, NotIn, Exists or DoesNotExist`,
      });
    }
    const k = get(expr, 'key');
    const kStr = typeof k === 'string' ? k : k === undefined || k === null ? '' : undefined;
    if (kStr !== undefined) {
      const kErrs = qualifiedNameErrors(kStr);
      if (kErrs.length > 0) {
        out.push({ path: [...p, 'key'], code: 'selector/key-invalid', message: `${show(kStr)}: ${joined(kErrs)}` });
      }
    }
    values.forEach((v, j) => {
      if (typeof v !== 'string') return;
      const vErrs = labelValueErrors(v);
      if (vErrs.length > 0) {
        out.push({
          path: [...p, 'values', j],
          code: 'selector/value-invalid',
          message: `${show(v)}: ${joined(vErrs)}`,
        });
      }
    });
  });
  return out;
}
