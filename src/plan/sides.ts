/**
 * Reading one side of a plan (the old or the new manifests) from YAML texts, however they were
 * obtained: files, a directory, or `git show` of a committed folder.
 */
import { isObject } from '../validate/read';
import { readYamlDocuments } from '../yaml';
import type { SourcedManifest } from './identity';

/** A YAML text and the name shown for it. */
export interface SideText {
  readonly name: string;
  readonly text?: string;
  /** Why it could not be read. */
  readonly error?: string;
}

/** The manifests of one side, and what could not be read (any of it makes the plan unreadable). */
export interface Side {
  readonly manifests: SourcedManifest[];
  readonly errors: string[];
}

/** Reads every document of every text; a document that is not a mapping is an error, an empty one is skipped. */
export function readSide(texts: readonly SideText[]): Side {
  const manifests: SourcedManifest[] = [];
  const errors: string[] = [];
  for (const t of texts) {
    if (t.text === undefined) {
      errors.push(`${t.name}: ${t.error ?? 'cannot read'}`);
      continue;
    }
    for (const doc of readYamlDocuments(t.text)) {
      const source = `${t.name}:${doc.line}`;
      if (doc.errors.length > 0) errors.push(...doc.errors.map((e) => `${source}: ${e}`));
      else if (!isObject(doc.value))
        errors.push(`${source}: the document is not a mapping (an object with apiVersion and kind)`);
      else manifests.push({ manifest: doc.value, source });
    }
  }
  return { manifests, errors };
}
