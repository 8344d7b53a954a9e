/**
 * Reading one side of a plan (the old or the new manifests) from YAML texts, however they were
 * obtained: files, a directory, or `git show` of a committed folder.
 */
import { isObject } from '../validate/read';
import { readYamlDocuments, readYamlPieces, type StreamPiece } from '../yaml';
import type { SourcedManifest } from './identity';
import { readSideFile } from './read-file';

/** A YAML text and the name shown for it. */
export interface SideText {
  readonly name: string;
  /**
   * What pairs it with a file of the other side (by-file.ts): its path under the folder given,
   * so `dist/a.yaml` and a fresh synth's `a.yaml` meet. Only locality, never identity.
   * @default - the name
   */
  readonly key?: string;
  readonly text?: string;
  /** The text in pieces (read-file.ts), in place of `text`. */
  readonly pieces?: readonly StreamPiece[];
  /** Why it could not be read. */
  readonly error?: string;
}

/** A file of a side not read yet: read when its turn comes, so a plan holds few texts at once. */
export interface SideFile {
  readonly name: string;
  /** @see SideText.key */
  readonly key?: string;
  /** The path to read. */
  readonly file: string;
  /** Largest size accepted, in bytes (a larger file is an error of that file). */
  readonly maxBytes: number;
}

/** A text of a side, read or to be read. */
export type SideSource = SideText | SideFile;

/** The text of a source, reading a file (readInputFile: never throws; an unreadable file carries its error). */
export function sideText(s: SideSource): SideText {
  return 'file' in s ? { ...readSideFile(s.name, s.file, s.maxBytes), key: s.key } : s;
}

/** The manifests of one side, and what could not be read (any of it makes the plan unreadable). */
export interface Side {
  readonly manifests: SourcedManifest[];
  readonly errors: string[];
}

/** One document of a side: a manifest, or why it could not be read. */
export type SideDocument = { readonly manifest: SourcedManifest } | { readonly error: string };

/**
 * Every document of every text, one at a time as it is read: a caller that is done with one
 * before it takes the next keeps no more than it needs alive. A document that is not a mapping is
 * an error, an empty one is skipped.
 */
export function* sideDocuments(texts: readonly SideText[]): Generator<SideDocument> {
  for (const t of texts) {
    if (t.text === undefined && t.pieces === undefined) {
      yield { error: `${t.name}: ${t.error ?? 'cannot read'}` };
      continue;
    }
    for (const doc of t.pieces ? readYamlPieces(t.pieces) : readYamlDocuments(t.text ?? '')) {
      const source = `${t.name}:${doc.line}`;
      if (doc.errors.length > 0) for (const e of doc.errors) yield { error: `${source}: ${e}` };
      else if (!isObject(doc.value))
        yield { error: `${source}: the document is not a mapping (an object with apiVersion and kind)` };
      else yield { manifest: { manifest: doc.value, source } };
    }
  }
}

/** Reads every document of every text (sideDocuments, gathered). */
export function readSide(texts: readonly SideText[]): Side {
  const manifests: SourcedManifest[] = [];
  const errors: string[] = [];
  for (const d of sideDocuments(texts)) {
    if ('error' in d) errors.push(d.error);
    else manifests.push(d.manifest);
  }
  return { manifests, errors };
}
