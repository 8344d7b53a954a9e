import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kind, loadAll, type YAMLNode, type YAMLSequence } from '@stoplight/yaml-ast-parser';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { checkDocuments } from '../../src/check';
import { validateWithProfile } from '../../src/validate/pipeline';
import { profileOf } from '../../src/validate/versions';
import type { FieldPath } from '../../src/validate/issue';
import { readYamlStream } from '../../src/yaml';
import { CORPORA, daemonSet } from '../support/manifest';
import { random, yamlFiles } from '../support/yaml-oracle';

/**
 * Positions of `validate`'s issues, held to an independent YAML parser: @stoplight/yaml-ast-parser
 * (a js-yaml fork with source offsets, sharing no code with the yaml package we parse with). Each
 * error's path is walked in its AST (aliases followed, merge keys after own keys) to the key of a
 * mapping entry or the item of a list, or the nearest enclosing field that exists.
 */

/** 1-based line and column of each offset of `text`. */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

const deref = (n: YAMLNode | undefined): YAMLNode | undefined => (n?.kind === Kind.ANCHOR_REF ? deref(n.value) : n);

function entry(map: YAMLNode, key: string): YAMLNode | undefined {
  const own = map.mappings.find((m: YAMLNode) => m.key?.value === key);
  if (own) return own;
  for (const m of map.mappings.filter((m: YAMLNode) => m.key?.value === '<<')) {
    const v = deref(m.value);
    for (const source of v?.kind === Kind.SEQ ? (v as YAMLSequence).items.map(deref) : [v]) {
      const found = source?.kind === Kind.MAP ? entry(source, key) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** The offset a path points at in a document's AST, by the rule the issue states. */
function independentOffset(root: YAMLNode, fieldPath: FieldPath): number {
  let node: YAMLNode | undefined = root;
  let offset = root.mappings[0].key.startPosition;
  for (const segment of fieldPath) {
    const n = deref(node);
    if (n?.kind === Kind.MAP) {
      const m = entry(n, typeof segment === 'object' ? segment.key : String(segment));
      if (!m) break;
      offset = m.key.startPosition;
      node = m.value;
    } else if (n?.kind === Kind.SEQ && typeof segment === 'number' && (n as YAMLSequence).items[segment]) {
      node = (n as YAMLSequence).items[segment];
      offset = node!.startPosition;
    } else {
      break;
    }
  }
  return offset;
}

/**
 * Every error `checkDocuments` reports on `text` with a field path, next to where the independent
 * parser puts it: [ours, theirs] pairs, as `file:line:col path` strings.
 */
function comparePositions(name: string, text: string): Array<[string, string]> {
  const roots: YAMLNode[] = [];
  loadAll(text, (d) => {
    if (d) roots.push(d);
  });
  const invalid = checkDocuments(name, text).filter((r) => r.status === 'invalid');
  // Files the independent parser refuses hold no invalid document (3 corpus files, unreadable to us too).
  if (roots.some((r) => r.errors.length > 0)) {
    expect(
      invalid.map((r) => r.document),
      `${name}: invalid documents the independent parser cannot read`,
    ).toEqual([]);
    return [];
  }
  const at = locator(text);
  const values = readYamlStream(text);
  const pairs: Array<[string, string]> = [];
  for (const r of invalid) {
    // A document's start line may be a comment's: take the first mapping whose first key is on or after it.
    const root = roots.find((d) => d.kind === Kind.MAP && at(d.mappings[0]?.key.startPosition ?? -1).line >= r.line);
    if (!root) throw new Error(`${name}: no document of the independent parser starts on line ${r.line}`);
    const issues = validateWithProfile(values[r.document].value, profileOf('1.27')).errors;
    expect(issues.length).toBe(r.errors.length);
    r.errors.forEach((e, j) => {
      const theirs = at(independentOffset(root, issues[j].path));
      pairs.push([`${name}:${e.line}:${e.column} ${e.path}`, `${name}:${theirs.line}:${theirs.column} ${e.path}`]);
    });
  }
  return pairs;
}

function expectSamePositions(pairs: Array<[string, string]>): void {
  const wrong = pairs.filter(([ours, theirs]) => ours !== theirs);
  expect(wrong.slice(0, 5)).toEqual([]);
}

describe('positions of issues', () => {
  it('point at the key, at the list item, or at the nearest enclosing field that exists', () => {
    const text = [
      '# a comment before the stream',
      'apiVersion: v1',
      'kind: ConfigMap',
      '---',
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata: {name: Bad_Name}   # flow',
      'spec:',
      '  selector: {matchLabels: &l {app: a}}',
      '  template:',
      '    metadata: {labels: *l}',
      '    spec:',
      '      containers:',
      '        # a comment in a list',
      '        - name: x',
      '          image: "y"',
      '          ports: [{containerPort: 0}]',
      '',
    ].join('\n');
    const [, ds] = checkDocuments('f.yaml', text);
    expect(ds.line).toBe(5);
    expect(ds.errors.map((e) => `${e.line}:${e.column} ${e.path} [${e.code}]`)).toEqual([
      '7:12 metadata.name [metadata/name-invalid]',
      // containerPort is absent (0 is "not set"): the key is there, so it is the key's place.
      '17:20 spec.template.spec.containers[0].ports[0].containerPort [port/container-port-required]',
    ]);
  });

  it('fall back to the nearest enclosing field, and to the document start for the document itself', () => {
    const text =
      'a: 1\n---\n\n# c\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  template: {}\n';
    const [, ds] = checkDocuments('f.yaml', text);
    const byPath = new Map(ds.errors.map((e) => [e.path, `${e.line}:${e.column}`]));
    expect(byPath.get('spec.template.metadata.labels')).toBe('10:3');
    expect(byPath.get('spec.template.spec.containers')).toBe('10:3');
    const [notMapping] = checkDocuments('g.yaml', '\n\n- a\n');
    expect(notMapping.errors.map((e) => [e.line, e.column])).toEqual([[3, 1]]);
  });

  it('give a parse error the line and column the reader names', () => {
    const [, bad] = checkDocuments('f.yaml', 'a: 1\n---\nb: 1\nc: d: e\n');
    expect(bad.status).toBe('unreadable');
    expect(bad.errors[0]).toMatchObject({ line: 4, column: expect.any(Number) });
    expect(bad.errors[0].message).toContain(`line 4, column ${bad.errors[0].column}`);
  });

  it.skipIf(!CORPORA)('agree with an independent parser on every invalid kubectl-validate and kubeconform case', () => {
    const pairs: Array<[string, string]> = [];
    for (const folder of ['kubectl-validate', 'kubeconform']) {
      for (const file of yamlFiles(path.join(CORPORA!, folder))) {
        pairs.push(...comparePositions(file, fs.readFileSync(file, 'utf8')));
      }
    }
    expectSamePositions(pairs);
    expect(pairs.length).toBeGreaterThan(10);
  });

  it('agree with an independent parser on 400 generated streams: flow and block, anchors, comments, CRLF', () => {
    const next = random(16);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const pairs: Array<[string, string]> = [];
    for (let n = 0; n < 400; n++) {
      const labels = { app: pick(['agent', 'Bad Label!', 'a']) };
      const value = daemonSet((ds, pod, c) => {
        ds.metadata.name = pick(['agent', 'Bad_Name', 'x']);
        ds.spec.selector = { matchLabels: labels };
        ds.spec.template.metadata = { labels };
        c.name = pick(['agent', 'Agent_1']);
        c.ports = [{ containerPort: pick([0, 80, 70000]) }];
        if (next() < 0.3) c.image = undefined;
        if (next() < 0.3) pod.volumes = [{ name: 'v' }, { name: 'v', hostPath: { path: 'rel' } }];
        if (next() < 0.3) pod.containers.push({ name: 'agent', image: 'x' });
      });
      const doc = new YAML.Document(value, { aliasDuplicateObjects: next() < 0.5 });
      YAML.visit(doc, {
        Map(_k, node) {
          if (next() < 0.25) node.flow = true;
          if (next() < 0.15) node.commentBefore = ' before';
        },
        Seq(_k, node) {
          if (next() < 0.25) node.flow = true;
        },
        Pair(_k, pair) {
          if (next() < 0.1 && YAML.isScalar(pair.key)) pair.key.commentBefore = ' a comment';
        },
      });
      let text = '';
      for (let k = Math.floor(next() * 3); k > 0; k--) text += pick(['# c\n', 'kind: ConfigMap\n---\n', '---\n', '\n']);
      text += doc.toString({ indentSeq: next() < 0.5 });
      if (next() < 0.2) text = text.replace(/\n/g, '\r\n');
      pairs.push(...comparePositions(`gen-${n}.yaml`, text));
    }
    expectSamePositions(pairs);
    expect(pairs.length).toBeGreaterThan(800);
  });
});
