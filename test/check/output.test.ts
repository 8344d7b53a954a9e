import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { type CheckResult, checkDocuments, OUTPUT_FORMATS, report } from '../../src/check';
import { daemonSet } from '../support/manifest';

const INVALID = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: Bad_Name
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: a}}
    spec:
      containers:
        - name: a
          image: a:1
          ports: [{containerPort: 70000}]
`;

/** Results of every kind: an invalid document, a valid one, a skipped one, an unreadable one, and a warning. */
function results(): CheckResult[] {
  const [bad, skipped, good] = checkDocuments(
    'dir/a, b:c%.yaml',
    `${INVALID}---\nkind: ConfigMap\napiVersion: v1\n---\n${JSON.stringify(daemonSet())}\n`,
  );
  const [unreadable] = checkDocuments('u.yaml', 'a: [\n');
  const warned: CheckResult = {
    ...good,
    warnings: [{ path: 'spec', code: 'test/warning', message: 'a 50% warning\nover two lines', line: 1, column: 2 }],
  };
  return [bad, skipped, warned, unreadable];
}

describe('report formats', () => {
  it('text: FILE:LINE:COL: path: message [code], warnings marked, then the summary', () => {
    const out = report('text', results());
    expect(out).toContain(
      'dir/a, b:c%.yaml:13:20: spec.template.spec.containers[0].ports[0].containerPort: Invalid value 70000',
    );
    expect(out).toContain('dir/a, b:c%.yaml:4:3: metadata.name: ');
    expect(out).toContain('dir/a, b:c%.yaml:1:2: warning: spec: a 50% warning');
    expect(out).toMatch(/^u\.yaml:2:1: \(document\): .* at line 2, column 1 \[yaml\/parse-error\]$/m);
    expect(out.trimEnd().split('\n').at(-1)).toBe('4 documents: 1 valid, 2 invalid, 1 skipped (Kubernetes 1.27)');
  });

  it('json: each issue with path, code, message, line and column; warnings too; skipped documents counted only', () => {
    const out = JSON.parse(report('json', results()));
    expect(out.results.map((r: CheckResult) => r.status)).toEqual(['invalid', 'valid', 'unreadable']);
    expect(out.results[0].errors[0]).toEqual({
      path: 'metadata.name',
      code: 'metadata/name-invalid',
      message: expect.stringContaining('Bad_Name'),
      line: 4,
      column: 3,
    });
    expect(out.results[1].warnings[0]).toMatchObject({ code: 'test/warning', line: 1, column: 2 });
    expect(out.summary).toEqual({ documents: 4, valid: 1, invalid: 2, skipped: 1 });
  });

  it('sarif: valid against the SARIF 2.1.0 schema, one rule per code with help, one result per issue', () => {
    const schemaFile = path.join(
      path.dirname(require.resolve('@microsoft/jest-sarif/package.json')),
      'lib/schemas/sarif-2.1.0-rtm.5.json',
    );
    const validate = new Ajv({
      allErrors: true,
      strict: false,
      unicodeRegExp: false,
      validateFormats: false,
      logger: false,
    }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] }), 'the schema refuses a run without its tool').toBe(
      false,
    );
    const log = JSON.parse(report('sarif', results()));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    const all = results();
    const issues = all.flatMap((r) => [...r.errors, ...r.warnings]);
    expect(run.results).toHaveLength(issues.length);
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id).sort()).toEqual(
      [...new Set(issues.map((i) => i.code))].sort(),
    );
    for (const rule of run.tool.driver.rules) expect(rule.help.text).toContain(rule.id);
    const port = run.results.find((r: { ruleId: string }) => r.ruleId === 'port/container-port-invalid');
    expect(port).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'dir/a%2C%20b%3Ac%25.yaml' },
            region: { startLine: 13, startColumn: 20 },
          },
        },
      ],
    });
    expect(run.tool.driver.rules[port.ruleIndex].id).toBe(port.ruleId);
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'test/warning').level).toBe('warning');
  });

  it('junit: well-formed XML, a testcase per document, a failure per invalid one, an error per unreadable one', () => {
    const xml = report('junit', results());
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, message) => {
        errors.push(`${level}: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    const cases = Array.from(doc.getElementsByTagName('testcase'));
    expect(cases).toHaveLength(4);
    expect(cases.map((c) => c.getAttribute('classname'))).toEqual([
      'dir/a, b:c%.yaml',
      'dir/a, b:c%.yaml',
      'dir/a, b:c%.yaml',
      'u.yaml',
    ]);
    expect(cases.map((c) => [...c.childNodes].filter((n) => n.nodeType === 1).map((n) => n.nodeName))).toEqual([
      ['failure'],
      ['skipped'],
      ['system-out'],
      ['error'],
    ]);
    expect(cases[0].getElementsByTagName('failure')[0].textContent).toContain(
      'dir/a, b:c%.yaml:13:20: spec.template.spec.containers[0].ports[0].containerPort:',
    );
    const root = doc.documentElement!;
    expect([root.getAttribute('tests'), root.getAttribute('failures'), root.getAttribute('errors')]).toEqual([
      '4',
      '1',
      '1',
    ]);
  });

  it('junit: characters XML cannot hold are written as escapes, markup as entities', () => {
    const [bad] = results();
    const odd: CheckResult = {
      ...bad,
      name: 'a<b>&"c"\u0001',
      errors: [{ ...bad.errors[0], message: 'x\u0000y </failure> \ud800' }],
    };
    const xml = report('junit', [odd]);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (l, m) => errors.push(`${l}: ${m}`) }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    expect(doc.getElementsByTagName('testcase')[0].getAttribute('name')).toContain('a<b>&"c"\\u0001');
    expect(doc.getElementsByTagName('failure')[0].textContent).toContain('x\\u0000y </failure> \\ud800');
  });

  it('github: ::error and ::warning commands with file, line, col and title, escaped as the toolkit escapes', () => {
    const lines = report('github', results()).trimEnd().split('\n');
    const prefix =
      '::error file=dir/a%2C b%3Ac%25.yaml,line=4,col=3,title=metadata/name-invalid::metadata.name: "Bad_Name" must be';
    expect(lines.filter((l) => l.startsWith(prefix))).toHaveLength(1);
    expect(lines).toContain(
      '::warning file=dir/a%2C b%3Ac%25.yaml,line=1,col=2,title=test/warning::spec: a 50%25 warning%0Aover two lines',
    );
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(results().flatMap((r) => r.errors).length);
    expect(lines.at(-1)).toBe('4 documents: 1 valid, 2 invalid, 1 skipped');
  });

  it('every format prints every error and every warning', () => {
    const all = results();
    for (const format of OUTPUT_FORMATS) {
      const out = report(format, all);
      for (const issue of all.flatMap((r) => [...r.errors, ...r.warnings])) {
        expect(out, `${format} lacks ${issue.code}`).toContain(issue.code);
      }
    }
  });
});
