import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/check';
import { readSideFile } from '../../src/plan/read-file';
import { sideDocuments } from '../../src/plan/sides';

/** What planTexts reads from a file: readInputFile's text, or its error. */
const reference = (file: string, maxBytes: number) => [...sideDocuments([readInputFile(file, maxBytes)])];
const pieced = (file: string, maxBytes: number) => [...sideDocuments([readSideFile(file, file, maxBytes)])];

describe('readSideFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-read-file-'));
  const write = (name: string, content: string | Buffer) => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };
  const DS = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: "ü"}\n';

  it.each([
    ['several documents', `${DS}---\n${DS}--- # c\nkind: x\n`],
    ['a BOM', `\ufeff${DS}---\n${DS}`],
    ['CRLF line ends', `${DS}---\r\n${DS}`.replace(/\n/g, '\r\n')],
    ['an invalid separator', `${DS}--- x\n${DS}`],
    ['a document that does not parse', `${DS}---\na: [\n---\n${DS}`],
    ['no document', '# nothing\n'],
    ['nothing', ''],
  ])('reads a file with %s as readInputFile does', (_what, content) => {
    const file = write('f.yaml', content);
    expect(pieced(file, 1 << 20)).toEqual(reference(file, 1 << 20));
    expect(readSideFile(file, file, 1 << 20).text).toBeUndefined();
  });

  it('reads several files in turn through its one buffer, a large one after a small one and back', () => {
    const big = write('big.yaml', Array.from({ length: 300 }, (_, i) => DS.replace('ü', `n${i}`)).join('---\n'));
    const small = write('small.yaml', DS);
    for (const f of [small, big, small, big]) expect(pieced(f, 1 << 20)).toEqual(reference(f, 1 << 20));
  });

  it.each([
    ['not UTF-8', Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]), 1 << 20],
    ['over the size limit', DS, 10],
  ])('words a file %s as readInputFile does', (_what, content, maxBytes) => {
    const file = write('bad.yaml', content);
    const r = readSideFile('shown.yaml', file, maxBytes);
    expect(r).toEqual({ name: 'shown.yaml', error: readInputFile(file, maxBytes).error });
    expect(r.error).toBeDefined();
  });

  it('words a file that cannot be read as readInputFile does', () => {
    const missing = path.join(dir, 'missing.yaml');
    expect(readSideFile(missing, missing, 100)).toEqual(readInputFile(missing, 100));
    expect(readSideFile(dir, dir, 100)).toEqual(readInputFile(dir, 100));
  });
});
