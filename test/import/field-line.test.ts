import { describe, expect, it } from 'vitest';
import { fieldLineFinder } from '../../src/import/field-line';
import { key } from '../../src/validate/issue';

const STREAM = `# leading comment
apiVersion: v1
kind: ConfigMap
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels: &labels
    app: agent
spec:
  template:
    metadata:
      labels: *labels
    spec:
      containers:
        - name: a
        - name: b
          lifecycle:
            preStop: {exec: {command: [x]}}
`;

describe('fieldLineFinder', () => {
  const lineOf = fieldLineFinder(STREAM);

  it('finds a field inside a list item of the second document', () => {
    expect(lineOf(5, ['spec', 'template', 'spec', 'containers', 1, 'lifecycle', 'preStop'])).toBe(19);
  });

  it('finds a map key given as a key segment', () => {
    expect(lineOf(5, ['metadata', 'labels', key('app')])).toBe(9);
  });

  it('stops at an alias, giving the line of the key that holds it', () => {
    expect(lineOf(5, ['spec', 'template', 'metadata', 'labels', key('app')])).toBe(13);
  });

  it('gives the deepest line found for a field the input lacks (a removal)', () => {
    expect(lineOf(5, ['spec', 'template', 'spec', 'dnsPolicy'])).toBe(14);
  });

  it('gives the document line for the document itself', () => {
    expect(lineOf(5, [])).toBe(5);
  });

  it('looks in the document the line belongs to', () => {
    expect(lineOf(1, ['kind'])).toBe(3);
  });
});
