import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { isValidatedKind, validateManifest } from '../../src/validate/engine';
import { formatIssue, toFieldPath, type Issue } from '../../src/validate/issue';
import { readYamlStream } from '../../src/yaml';
import { CORPORA } from '../support/manifest';

/**
 * Runs the whole engine on the shared conformance corpora (see $K8S_CORPORA/README.md) and checks
 * its verdicts against the Kubernetes 1.27 API server's:
 *  (a) daemonsets-in-the-wild: real DaemonSets, every one must be accepted;
 *  (b) kubectl-validate v1.27 test cases about Pods and DaemonSets: the expected metav1.Status in
 *      each document's leading comment gives the verdict and, for a failure, the field paths;
 *  (c) kubeconform fixtures that are DaemonSets, with the verdict under strict field validation
 *      (what kubectl 1.27 requests), not kubeconform's default schema-only one.
 */

if (!CORPORA) {
  console.warn(
    'corpora.test.ts: K8S_CORPORA is not set, so the conformance corpora are SKIPPED (set it to shared/corpora).',
  );
}

type Verdict = 'Success' | 'Failure';

interface Row {
  corpus: string;
  documents: number;
  verdictsAgree: number;
  fieldsAgree: number;
}

const table = new Map<string, Row>();

function record(corpus: string, verdictAgrees: boolean, fieldsAgree: boolean): void {
  const row = table.get(corpus) ?? { corpus, documents: 0, verdictsAgree: 0, fieldsAgree: 0 };
  row.documents++;
  if (verdictAgrees) row.verdictsAgree++;
  if (verdictAgrees && fieldsAgree) row.fieldsAgree++;
  table.set(corpus, row);
}

afterAll(() => {
  if (table.size > 0)
    console.log(`conformance corpora, agreement with the 1.27 API server:\n${formatTable([...table.values()])}`);
});

function formatTable(rows: Row[]): string {
  const head = ['corpus', 'documents', 'verdict agrees', 'verdict+fields agree'];
  const body = rows.map((r) => [
    r.corpus,
    `${r.documents}`,
    `${r.verdictsAgree}/${r.documents}`,
    `${r.fieldsAgree}/${r.documents}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  return [head, ...body].map((cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

/**
 * A field path in one spelling for both sides: kubectl-validate writes map keys with dots
 * (`requests.cpu`), the API server and we with brackets (`requests[cpu]`).
 */
function normalize(fieldPath: string): string {
  return fieldPath.replace(/\[([^\]]*[^\d\]][^\]]*)\]/g, '.$1');
}

/** The engine's verdict on one YAML document's text: read errors or issues mean Failure. */
function judge(text: string): { verdict: Verdict; issues: Issue[]; readErrors: string[]; documents: number } {
  const docs = readYamlStream(text);
  const readErrors = docs.flatMap((d) => d.errors);
  const issues = docs.flatMap((d) => (d.errors.length === 0 ? validateManifest(d.value) : []));
  const verdict = readErrors.length > 0 || issues.length > 0 ? 'Failure' : 'Success';
  return { verdict, issues, readErrors, documents: docs.length };
}

function explain(j: ReturnType<typeof judge>): string {
  return [...j.readErrors, ...j.issues.map((i) => formatIssue(i))].join('\n');
}

const corpus = (...parts: string[]): string => path.join(CORPORA ?? '', ...parts);

describe.skipIf(!CORPORA)('conformance: daemonsets-in-the-wild (all valid)', () => {
  const dir = corpus('daemonsets-in-the-wild');
  const files = CORPORA
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];

  it('has the 23 files the README lists', () => {
    expect(files).toHaveLength(23);
  });

  it.each(files)('accepts %s', (file) => {
    const j = judge(fs.readFileSync(path.join(dir, file), 'utf8'));
    record('daemonsets-in-the-wild', j.verdict === 'Success', true);
    expect(j.documents).toBe(1);
    expect(explain(j)).toBe('');
  });
});

interface KvCase {
  name: string;
  text: string;
  expected: Verdict;
  fields: string[];
  note?: string;
}

/**
 * Where the 1.27 API server's verdict differs from kubectl-validate's, which checks the OpenAPI
 * schema only. Each entry says which Go code decides.
 */
const API_SERVER_VERDICTS: Record<string, { expected: Verdict; fields: string[]; why: string }> = {
  'error_x_list_map_duplicate_key.yaml#0': {
    expected: 'Success',
    fields: [],
    why:
      'validateContainerPorts (1.27) checks port names for duplicates, not containerPort/protocol pairs; the ' +
      'x-kubernetes-list-map-keys duplicate that kubectl-validate reports only breaks managedFields, which ' +
      'FieldManager.UpdateNoErrors drops on create. Later servers only warn "duplicate port definition".',
  },
};

/** Splits a kubectl-validate case the way the Kubernetes YAML reader does, and reads each expectation. */
function kubectlValidateCases(file: string, text: string): KvCase[] {
  const chunks = text.split(/^---[ \t]*(?:#.*)?$/m);
  return chunks.map((chunk, i) => {
    const name = `${file}#${i}`;
    const lines = chunk.split('\n');
    const isComment = (l: string): boolean => l.trim() === '' || l.startsWith('#');
    if (lines.every(isComment)) return { name, text: chunk, expected: 'Success', fields: [], note: 'comment-only' };
    let at = 0;
    while (at < lines.length && lines[at].trim() === '') at++;
    const header: string[] = [];
    for (; at < lines.length && lines[at].startsWith('#'); at++) header.push(lines[at].slice(1));
    const status = JSON.parse(header.join('\n')) as { status: Verdict; details?: { causes?: { field?: string }[] } };
    const fields = (status.details?.causes ?? []).map((c) => c.field).filter((f): f is string => !!f && f !== '<nil>');
    const override = API_SERVER_VERDICTS[name];
    if (override)
      return { name, text: chunk, expected: override.expected, fields: override.fields, note: override.why };
    return { name, text: chunk, expected: status.status, fields };
  });
}

/** True when the document is one the engine validates; read leniently so a duplicate key still shows its kind. */
function inScope(c: KvCase): boolean {
  if (c.note === 'comment-only') return true;
  const doc = parseDocument(c.text, { version: '1.1', uniqueKeys: false });
  return isValidatedKind(doc.toJS());
}

describe.skipIf(!CORPORA)('conformance: kubectl-validate v1.27 cases for Pods and DaemonSets', () => {
  const dir = corpus('kubectl-validate', 'v1.27', 'testcases', 'manifests');
  const cases = CORPORA
    ? fs
        .readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .flatMap((f) => kubectlValidateCases(f, fs.readFileSync(path.join(dir, f), 'utf8')))
        .filter(inScope)
    : [];

  it('finds the Pod cases the corpus README lists', () => {
    expect(cases.filter((c) => c.note !== 'comment-only').map((c) => c.name)).toEqual([
      'error_enum_invalid.yaml#0',
      'error_indentation.yaml#0',
      'error_invalid_protocol_type.yaml#0',
      'error_missing_image.yaml#0',
      'error_misspelled_key.yaml#0',
      'error_multiple_fields.yaml#0',
      'error_multiple_resources_all_invalid.yaml#0',
      'error_multiple_resources_one_invalid.yaml#0',
      'error_multiple_resources_one_invalid.yaml#1',
      'error_quantity.yaml#0',
      'error_x_list_map_duplicate_key.yaml#0',
      'multiple_resources.yaml#1',
      'multiple_resources_only_comments.yaml#0',
      'x_list_map_nonduplicate_key.yaml#0',
    ]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const j = judge(c.text);
    const ours = new Set(j.issues.map((i) => normalize(toFieldPath(i.path))));
    const missing = c.fields.map(normalize).filter((f) => !ours.has(f));
    record('kubectl-validate v1.27', j.verdict === c.expected, missing.length === 0);
    expect({ verdict: j.verdict, missingFields: missing }, explain(j)).toEqual({
      verdict: c.expected,
      missingFields: [],
    });
  });
});

describe.skipIf(!CORPORA)('conformance: kubeconform DaemonSet fixtures under strict field validation', () => {
  const dir = corpus('kubeconform', 'fixtures');
  // kubeconform's README: both are valid to its default schema check, and both fail with -strict, as
  // they do on a 1.27 API server with fieldValidation=Strict (plus selector/label validation).
  const fixtures: [string, string[]][] = [
    ['extra_property.yaml', ['spec.replicas type/unknown-field']],
    ['duplicate_property.yaml', []], // duplicate `containers` key: the YAML reader refuses it
  ];
  const verdicts = CORPORA
    ? (JSON.parse(fs.readFileSync(corpus('kubeconform', 'expected-verdicts.json'), 'utf8')) as Record<
        string,
        { strict?: { exit: number } }
      >)
    : {};

  it.each(fixtures)('rejects %s as kubeconform -strict does', (file, expectedIssues) => {
    expect(verdicts[`fixtures/${file}`]?.strict?.exit).toBe(1);
    const j = judge(fs.readFileSync(path.join(dir, file), 'utf8'));
    const lines = j.issues.map((i) => `${toFieldPath(i.path)} ${i.code}`);
    const missing = expectedIssues.filter((l) => !lines.includes(l));
    record('kubeconform (strict)', j.verdict === 'Failure', missing.length === 0);
    expect(j.verdict).toBe('Failure');
    expect(missing).toEqual([]);
  });
});
