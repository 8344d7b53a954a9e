import { type CheckResult, summarize } from '../result';
import { issueLine } from './text';

/**
 * Whether XML 1.0 cannot hold the UTF-16 unit at `i` at all: C0 controls but tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF. Such characters are written as `\uXXXX` text.
 */
function notXml(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c === 0xfffe || c === 0xffff) return true;
  if (c >= 0xd800 && c <= 0xdbff) return !(s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff);
  if (c >= 0xdc00 && c <= 0xdfff) return !(s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff);
  return false;
}

function xmlChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += notXml(s, i) ? `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}` : s[i];
  return out;
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value, escaped; CR and LF in attributes as references so parsers keep them. */
function xml(s: string): string {
  return xmlChars(s)
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c])
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

/** Element text: as xml(), but line breaks kept as they are. */
const text = (s: string): string => xml(s).replace(/&#10;/g, '\n');

/**
 * The `--output junit` report (the JUnit XML that CI test-report tools read): a testsuite per
 * file, a testcase per document; an invalid document has a `<failure>`, an unreadable one an
 * `<error>`, a skipped one `<skipped>`; each lists its issues as `FILE:LINE:COL: ...` lines.
 * Warnings go to the testcase's `<system-out>`.
 */
export function junitReport(results: readonly CheckResult[]): string {
  const byFile = new Map<string, CheckResult[]>();
  for (const r of results) {
    const docs = byFile.get(r.file);
    if (docs) docs.push(r);
    else byFile.set(r.file, [r]);
  }
  const all = summarize(results);
  const unreadable = results.filter((r) => r.status === 'unreadable').length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cdk8s-daemonset validate" tests="${all.documents}" failures="${all.invalid - unreadable}" errors="${unreadable}" skipped="${all.skipped}">`,
  ];
  for (const [file, docs] of byFile) {
    const s = summarize(docs);
    const errors = docs.filter((r) => r.status === 'unreadable').length;
    out.push(
      `  <testsuite name="${xml(file)}" tests="${s.documents}" failures="${s.invalid - errors}" errors="${errors}" skipped="${s.skipped}">`,
    );
    for (const r of docs) {
      const name = `${r.kind ? `${r.kind} ${r.name ?? '(unnamed)'}` : 'document'} (document ${r.document}, line ${r.line})`;
      out.push(`    <testcase name="${xml(name)}" classname="${xml(file)}" file="${xml(file)}" line="${r.line}">`);
      const lines = r.errors.map((e) => issueLine(file, e)).join('\n');
      const count = `${r.errors.length} error${r.errors.length === 1 ? '' : 's'}`;
      if (r.status === 'invalid') out.push(`      <failure message="${count}" type="invalid">${text(lines)}</failure>`);
      if (r.status === 'unreadable')
        out.push(`      <error message="${count}" type="unreadable">${text(lines)}</error>`);
      if (r.status === 'skipped')
        out.push(`      <skipped message="${xml(`no rules for kind ${r.kind ?? '(none)'}`)}"/>`);
      if (r.warnings.length > 0)
        out.push(`      <system-out>${text(r.warnings.map((w) => issueLine(file, w, true)).join('\n'))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
