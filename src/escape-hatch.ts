import { JsonPatch } from 'cdk8s';
import { toFieldPath, type FieldPath, type Issue } from './validate/issue';

/**
 * An escape-hatch patch that cannot apply: it names the construct path, the patch and the field.
 * The App reports it with the other issues; `toJson` throws it.
 */
export class EscapeHatchError extends Error {
  public constructor(
    public readonly constructPath: string,
    public readonly issue: Issue,
  ) {
    super(`${constructPath} ${issue.message} [${issue.code}]`);
    this.name = 'EscapeHatchError';
  }
}

/** A JSON patch operation as cdk8s renders it (RFC 6902). */
interface PatchOp {
  readonly op: 'add' | 'remove' | 'replace' | 'copy' | 'move' | 'test';
  readonly path: string;
  readonly from?: string;
  readonly value?: unknown;
}

/** A list index token. */
const INDEX = /^(0|[1-9]\d*)$/;

/** RFC 6901: `/a~1b/0` is `['a/b', '0']`. */
function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `path` (tokens), or undefined when any step is missing. */
function at(doc: unknown, path: readonly string[]): unknown {
  let node = doc;
  for (const t of path) {
    if (Array.isArray(node)) {
      if (!INDEX.test(t) || Number(t) >= node.length) return undefined;
      node = node[Number(t)];
    } else if (typeof node === 'object' && node !== null && Object.hasOwn(node, t)) {
      node = (node as Record<string, unknown>)[t];
    } else {
      return undefined;
    }
  }
  return node;
}

/** Pointer tokens as a field path, list indexes as numbers. */
function asFieldPath(path: readonly string[]): FieldPath {
  return path.map((t) => (INDEX.test(t) ? Number(t) : t));
}

/** Tokens as the API server names the field: `spec.template.spec.containers[0]`. */
function fieldPath(path: readonly string[]): string {
  return toFieldPath(asFieldPath(path)) || '(document)';
}

/**
 * Whether `path` holds something in the manifest the constructs rendered. With `inserts` (add,
 * copy and move targets) a list index is an insertion, which overrides nothing.
 */
function writtenByConstructs(rendered: unknown, path: readonly string[], inserts: boolean): boolean {
  if (path.length === 0) return true;
  if (inserts && Array.isArray(at(rendered, path.slice(0, -1)))) return false;
  return at(rendered, path) !== undefined;
}

/**
 * Applies escape-hatch patches to the manifest the constructs rendered, one at a time, and
 * returns the result with a warning for each patch that replaces or removes a field the
 * constructs wrote (the patch wins, and the author should know it did). A patch below a parent the
 * manifest lacks, or that replaces or removes a field that is not there, throws an error naming
 * the construct path and the patch, instead of fast-json-patch's `Cannot set properties of
 * undefined`.
 */
export function applyEscapeHatches(
  rendered: unknown,
  patches: readonly JsonPatch[],
  constructPath: string,
): { readonly manifest: unknown; readonly warnings: Issue[] } {
  const warnings: Issue[] = [];
  // fast-json-patch edits the document in place: patch a copy, keep `rendered` as the reference.
  let doc = structuredClone(rendered);
  for (const patch of patches) {
    const op = patch._toJson() as PatchOp;
    const path = tokens(op.path);
    const describe = `JSON patch ${op.op} ${op.path}${op.from !== undefined ? ` from ${op.from}` : ''}`;
    const fail = (what: string, code: string) => {
      throw new EscapeHatchError(constructPath, { path: asFieldPath(path), code, message: `${describe}: ${what}` });
    };
    const needsParent = op.op !== 'test' && path.length > 0;
    const parent = needsParent ? at(doc, path.slice(0, -1)) : doc;
    if (needsParent && (typeof parent !== 'object' || parent === null))
      fail(
        `${fieldPath(path.slice(0, -1))} is not in the manifest, so nothing can be set below it; ` +
          `add the parent first (JsonPatch.add('${op.path.slice(0, op.path.lastIndexOf('/'))}', {...})) or patch the parent whole`,
        'patch/parent-missing',
      );
    if ((op.op === 'replace' || op.op === 'remove') && at(doc, path) === undefined)
      fail(`${fieldPath(path)} is not in the manifest; use JsonPatch.add to set a new field`, 'patch/target-missing');
    if ((op.op === 'move' || op.op === 'copy') && at(doc, tokens(op.from ?? '')) === undefined)
      fail(`${fieldPath(tokens(op.from ?? ''))} is not in the manifest`, 'patch/target-missing');
    const from = tokens(op.from ?? '');
    const overrides: Array<readonly [readonly string[], 'replaces' | 'removes']> = [];
    if ((op.op === 'add' || op.op === 'copy' || op.op === 'move') && writtenByConstructs(rendered, path, true))
      overrides.push([path, 'replaces']);
    if (op.op === 'replace' && writtenByConstructs(rendered, path, false)) overrides.push([path, 'replaces']);
    if (op.op === 'remove' && writtenByConstructs(rendered, path, false)) overrides.push([path, 'removes']);
    if (op.op === 'move' && writtenByConstructs(rendered, from, false)) overrides.push([from, 'removes']);
    for (const [p, verb] of overrides) {
      warnings.push({
        path: asFieldPath(p),
        code: 'patch/overrides-construct',
        message: `an escape hatch (${describe}) ${verb} what the constructs wrote; set it through a prop if one exists`,
      });
    }
    doc = JsonPatch.apply(doc, patch);
  }
  return { manifest: doc, warnings };
}
