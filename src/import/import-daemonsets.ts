import { readYamlStream } from '../yaml';
import type { Statement } from './code';
import { hatchFieldPath } from './context';
import { evaluate } from './evaluate';
import { fieldLineFinder } from './field-line';
import { generateModule } from './generate';
import { Identifiers, toIdentifier } from './identifiers';
import { mapDaemonSet, rawDocument, type MappedDocument } from './map-daemonset';
import { firstNonJsonValue, isRecord, sameData, type Rec } from './values';

export interface ImportOptions {
  /** Module the constructs are imported from in the generated code. @default 'cdk8s-daemonset' */
  readonly moduleSpecifier?: string;
  /** Name of the generated Chart class (made a valid identifier). @default 'ImportedDaemonSets' */
  readonly className?: string;
}

/** A field written by `addJsonPatch` because the constructs can't express it. */
export interface EscapeHatch {
  /** Index of the document in the YAML stream, from 0. */
  readonly document: number;
  /** 1-based line the document starts on. */
  readonly line: number;
  /**
   * 1-based line of the field in the input; the line of the nearest enclosing field found when
   * the field itself can't be pinned (written through an alias or merge key, or absent: a removal).
   */
  readonly fieldLine: number;
  /** The field as the API server names it, e.g. `spec.template.spec.containers[0].lifecycle`. */
  readonly path: string;
  /** Why the constructs can't write it. */
  readonly reason: string;
}

/** A document that is not imported, and why. */
export interface SkippedDocument {
  readonly document: number;
  readonly line: number;
  readonly reason: string;
}

/** A DaemonSet the generated code creates. */
export interface ImportedDaemonSet {
  readonly document: number;
  readonly line: number;
  /** The variable (and construct id) the generated code gives it. */
  readonly variable: string;
  /** The document as read, which the generated code synthesizes back. */
  readonly manifest: unknown;
}

export interface ImportResult {
  /** The TypeScript module. */
  readonly code: string;
  /** The Chart class it exports. */
  readonly className: string;
  readonly daemonSets: readonly ImportedDaemonSet[];
  readonly escapeHatches: readonly EscapeHatch[];
  readonly skipped: readonly SkippedDocument[];
}

/** Names the generated module imports or declares at top level. */
const MODULE_NAMES = [
  'Chart',
  'JsonPatch',
  'Construct',
  'DaemonSet',
  'Volume',
  'VolumeProjection',
  'EnvValue',
  'EnvFrom',
  'Probe',
  'Handler',
  'NodeScheduling',
  'NodeRequirement',
  'NetworkMode',
  'UpdateStrategy',
  'Gpu',
  'kplus',
];

function className(requested: string | undefined): string {
  const id = toIdentifier(requested ?? 'ImportedDaemonSets', 'imported');
  const name = id.charAt(0).toUpperCase() + id.slice(1);
  return MODULE_NAMES.includes(name) ? `${name}Chart` : name;
}

/** Whether the statements synthesize exactly `doc`. */
function reproduces(statements: readonly Statement[], doc: unknown): boolean {
  try {
    const out = evaluate(statements);
    return out.length === 1 && sameData(out[0], doc);
  } catch {
    return false;
  }
}

/**
 * Turns each apps/v1 DaemonSet of a YAML stream (read as kubectl reads it) into construct code:
 * one Chart class, one `new DaemonSet(...)` per document, named Volume objects, typed factories.
 * Fields the constructs can't express go in by `addJsonPatch` escape hatch, never dropped, and are
 * listed in `escapeHatches`. Every document's code is run before it is returned and checked to
 * synthesize the input exactly; should the field mapping miss, the document is written whole by
 * escape hatch instead.
 */
export function importDaemonSets(yamlText: string, options: ImportOptions = {}): ImportResult {
  let ids = new Identifiers(MODULE_NAMES);
  const skipped: SkippedDocument[] = [];
  const escapeHatches: EscapeHatch[] = [];
  const daemonSets: ImportedDaemonSet[] = [];
  const generated: Array<{ document: number; statements: Statement[] }> = [];
  const fieldLine = fieldLineFinder(yamlText);
  for (const d of readYamlStream(yamlText)) {
    const at = { document: d.index, line: d.line };
    if (d.errors.length > 0) {
      skipped.push({ ...at, reason: `not readable as YAML: ${d.errors.join('; ')}` });
      continue;
    }
    const doc = d.value;
    if (!isRecord(doc) || doc.apiVersion !== 'apps/v1' || doc.kind !== 'DaemonSet') {
      const kind = isRecord(doc) ? `${String(doc.apiVersion)} ${String(doc.kind)}` : 'not an object';
      skipped.push({ ...at, reason: `not an apps/v1 DaemonSet (${kind})` });
      continue;
    }
    const bad = firstNonJsonValue(doc);
    if (bad !== undefined) {
      skipped.push({
        ...at,
        reason: `${bad} is not JSON data (a YAML timestamp or binary?): quote it to keep it a string`,
      });
      continue;
    }
    const attempt = ids.clone();
    let mapped: MappedDocument | undefined = mapDaemonSet(attempt, doc as Rec);
    if (mapped && reproduces(mapped.statements, doc)) {
      ids = attempt;
    } else {
      mapped = rawDocument(ids, doc as Rec);
      if (!reproduces(mapped.statements, doc)) {
        skipped.push({
          ...at,
          reason:
            'cdk8s cannot synthesize this document exactly, not even by escape hatch (a `__proto__` key outside a map?)',
        });
        continue;
      }
    }
    generated.push({ document: d.index, statements: mapped.statements });
    daemonSets.push({ ...at, variable: mapped.variable, manifest: doc });
    for (const h of mapped.hatches) {
      escapeHatches.push({
        ...at,
        fieldLine: fieldLine(d.line, h.path),
        path: hatchFieldPath(h) || '(document)',
        reason: h.reason,
      });
    }
  }
  const name = className(options.className);
  const code = generateModule(name, options.moduleSpecifier ?? 'cdk8s-daemonset', generated);
  return { code, className: name, daemonSets, escapeHatches, skipped };
}
