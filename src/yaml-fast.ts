import type * as JsYaml from 'js-yaml';
import { goResolve, hintOf, STR_TAG, type GoScalar } from './yaml-1.1-kubectl';

/**
 * The second reader of readYamlStream, for chunks the block reader (yaml-block.ts) declines (flow
 * mappings, folded scalars, escapes...): js-yaml parses a kubectl-cut chunk about ten times faster than
 * the yaml package's composer (13 ms against 130 ms for 100 DaemonSets), and its plain scalars are
 * resolved by go-yaml's own rules (goResolve, the function the exact reader's schema calls). It
 * answers only for chunks where the result is the exact reader's; for anything else it returns
 * undefined and the exact reader reads the chunk (and words any error, with line and column).
 * Refused before parsing (lineTrouble, lineRefused): node properties, merge keys, directives,
 * explicit and complex keys, escapes, tabs and unusual characters, multi-line flow collections and
 * quoted scalars, and the few layouts where fuzzing found the two parsers part ways. Refused after
 * parsing (settle and the construct hook): any js-yaml error, a scalar document, a key that reads
 * as null, a float or a collection (kubectl spells or refuses those otherwise than String()), an
 * integer beyond 2^53, .inf/.nan, nesting deeper than maxDepth; duplicate keys are js-yaml errors.
 * test/yaml-fast.test.ts holds it to the exact reader. A false refusal only costs speed.
 */

/** A plain float, kept apart from other numbers until the walk: as a key js-yaml would spell it with String(). */
class GoFloat {
  public constructor(public readonly value: number) {}
}

/** Why js-yaml must stop: not an error of the input, only "let the exact reader decide". */
class Refuse extends Error {}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// resolve() and construct() run back to back on the same text: the resolution is computed once.
let resolvedText: string | undefined;
let resolved: [string, GoScalar] = [STR_TAG, ''];

function resolveGo(text: string): boolean {
  if (text === '<<') throw new Refuse('merge key');
  if (hintOf(text) === undefined) return false; // resolve.go's first-character table: surely a string
  resolvedText = text;
  resolved = goResolve('', text);
  return resolved[0] !== STR_TAG;
}

/** A resolved plain scalar as the exact reader's scalarValue gives it. */
function constructGo(text: string): unknown {
  const [, v] = text === resolvedText ? resolved : goResolve('', text);
  if (typeof v === 'bigint') {
    if (v > MAX_SAFE || v < -MAX_SAFE) throw new Refuse('integer beyond 2^53');
    return Number(v);
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Refuse('.inf or .nan');
    return new GoFloat(v === 0 ? 0 : v);
  }
  if (typeof v === 'symbol') throw new Refuse('merge key');
  return v;
}

let loaded: { load: typeof JsYaml.load; schema: JsYaml.Schema } | undefined;

/** js-yaml and the schema, on first use: a library import or `--version` never pays for them. */
function jsYaml(): NonNullable<typeof loaded> {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const y = require('js-yaml') as typeof JsYaml;
    const goScalar = new y.Type('tag:yaml.org,2002:go-scalar', {
      kind: 'scalar',
      resolve: resolveGo,
      construct: constructGo,
    });
    loaded = { load: y.load, schema: y.FAILSAFE_SCHEMA.extend({ implicit: [goScalar] }) };
  }
  return loaded;
}

/** ASCII characters lineRefused looks at: C0 controls, DEL, and & * ! < % . ? ] } { , - | > " ' \\. */
const NOTABLE = new Uint8Array(0x80);
for (let c = 0; c < 0x20; c++) NOTABLE[c] = 1;
for (const ch of '&*!<%.?]}{,-|>"\'\\\x7f') NOTABLE[ch.charCodeAt(0)] = 1;

/**
 * Whether line [start, end) holds something the fast path refuses before parsing: node properties
 * (`&a`, `*a`, `!tag`) where a node can start; `<<`; `%` or `...` opening a line, `?` opening a
 * node; a collection before `:` or after `{` or `,` (a complex key); an empty sequence entry (`- `
 * alone on its line: js-yaml then misplaces the entries after it); a block scalar's indentation
 * indicator (`|2`, js-yaml counts it from another column); a comment glued to a closing quote or
 * bracket (an error to the yaml package, a comment to js-yaml); a backslash; any character but
 * printable ASCII and the BMP's printable range (tab, CR, C0/C1 controls, NEL, LS, PS, BOM,
 * surrogates, U+FFFE/U+FFFF). Inside quotes and comments too: refusing more only costs speed.
 * A loop rather than one regular expression: this runs on every byte read, and is ~5x faster.
 */
function lineRefused(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (
      c < 0x80
        ? NOTABLE[c] === 0
        : !(c <= 0x9f || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfeff)
    )
      continue;
    if (c >= 0xff00 && c <= 0xfffd) continue; // printable, as is U+FF00..U+FFFD
    const prev = i === start ? -1 : text.charCodeAt(i - 1);
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    switch (c) {
      case 0x26:
      case 0x2a:
      case 0x21: // & * !
        if (prev === -1 || prev === 0x20 || prev === 0x5b || prev === 0x7b || prev === 0x2c || prev === 0x3a)
          return true;
        break;
      case 0x3c: // <<
        if (next === 0x3c) return true;
        break;
      case 0x25: // % opening a line
        if (i === start) return true;
        break;
      case 0x2e: // ... opening a line
        if (i === start && next === 0x2e && i + 2 < end && text.charCodeAt(i + 2) === 0x2e) return true;
        break;
      case 0x3f: // ? as an explicit key
        if (
          (prev === -1 || prev === 0x20 || prev === 0x5b || prev === 0x7b || prev === 0x2c) &&
          (next === -1 || next === 0x20)
        )
          return true;
        break;
      case 0x5d:
      case 0x7d: {
        // ] } before : or glued to #
        if (next === 0x23) return true;
        let j = i + 1;
        while (j < end && text.charCodeAt(j) === 0x20) j++;
        if (j < end && text.charCodeAt(j) === 0x3a) return true;
        break;
      }
      case 0x7b:
      case 0x2c: {
        // { , before [ or {
        let j = i + 1;
        while (j < end && text.charCodeAt(j) === 0x20) j++;
        if (j < end && (text.charCodeAt(j) === 0x5b || text.charCodeAt(j) === 0x7b)) return true;
        break;
      }
      case 0x2d: {
        // an empty sequence entry
        if (prev !== -1 && prev !== 0x20) break;
        let j = i + 1;
        while (j < end && text.charCodeAt(j) === 0x20) j++;
        if (j === end || text.charCodeAt(j) === 0x23) return true;
        break;
      }
      case 0x7c:
      case 0x3e: {
        // | > with an indentation indicator
        let j = i + 1;
        if (j < end && (text.charCodeAt(j) === 0x2b || text.charCodeAt(j) === 0x2d)) j++;
        if (j < end && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) return true;
        break;
      }
      case 0x22:
      case 0x27: // a comment glued to a closing quote
        if (next === 0x23) return true;
        break;
      case 0x5c: // a backslash
        return true;
      default:
        if (
          c < 0x20 ||
          (c >= 0x7f && c <= 0x9f) ||
          c === 0x2028 ||
          c === 0x2029 ||
          (c >= 0xd800 && c <= 0xdfff) ||
          c === 0xfeff ||
          c === 0xfffe ||
          c === 0xffff
        )
          return true;
    }
  }
  return false;
}

/** Longest line let through: an implicit key may not run past 1024 characters, which js-yaml does not check. */
const MAX_LINE = 1000;

/** What lineTrouble's scan of a line stops at: space, quotes, `#`, brackets and braces. */
const BRACKETS_QUOTES = new Uint8Array(0x80);
for (const ch of ' "\'#[]{}') BRACKETS_QUOTES[ch.charCodeAt(0)] = 1;

/** A line that starts a mapping entry or a sequence entry, or is one (approximate). */
const ENTRY_LINE = /^(?:-(?: |$)|[^#]*?:(?: |$))/;

/**
 * Whether the fast path refuses the chunk before parsing: lineRefused on every line, and
 * line-level refusals, approximate and erring towards refusing: a flow collection or a quoted
 * scalar still open at the end of its line; a line over MAX_LINE characters; a line of spaces only
 * (js-yaml takes more-indented blank lines before a block scalar's text that the yaml package
 * refuses); a comment line between a key and a value that is not an entry (the yaml package
 * refuses `k:` + `# c` + `  v`, js-yaml reads k: v).
 */
function lineTrouble(text: string): boolean {
  let depth = 0;
  let quote = 0;
  let emptyKey = false;
  let commentAfterKey = false;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_LINE || lineRefused(text, start, end)) return true;
    let first = start;
    while (first < end && text.charCodeAt(first) === 32) first++;
    if (first === end) {
      if (end > start) return true;
      start = end + 1;
      continue;
    }
    if (text.charCodeAt(first) === 35) {
      commentAfterKey ||= emptyKey;
      start = end + 1;
      continue;
    }
    if (commentAfterKey && !ENTRY_LINE.test(text.slice(first, end))) return true;
    commentAfterKey = false;
    let last = first;
    for (let i = first; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote === 0 && (c >= 0x80 || BRACKETS_QUOTES[c] === 0)) {
        last = i;
        continue;
      }
      if (quote !== 0) {
        // In single quotes '' is a quote character, not the end and a new start.
        if (c === 39 && quote === 39 && i + 1 < end && text.charCodeAt(i + 1) === 39) i++;
        else if (c === quote) quote = 0;
        last = i;
        continue;
      }
      if (c === 35 && text.charCodeAt(i - 1) === 32) break; // a comment to the end of the line
      if (c === 91 || c === 123) depth++;
      else if (c === 93 || c === 125) depth--;
      else if ((c === 34 || c === 39) && ' [{,:-'.includes(text[i - 1])) quote = c;
      if (c !== 32) last = i;
    }
    if (depth !== 0 || quote !== 0) return true;
    emptyKey = text.charCodeAt(last) === 58;
    start = end + 1;
  }
  return false;
}

/**
 * Checks what String() made of the keys and unwraps floats, without recursion. False when the
 * exact reader must decide: a key "null" (an empty or null key, which kubectl refuses; a quoted
 * "null" is refused too, harmlessly), "[object Object]" (a float or a collection as a key), or
 * nesting deeper than maxDepth.
 */
function settle(root: unknown, maxDepth: number): boolean {
  const stack: Array<[Record<string, unknown> | unknown[], number]> = [];
  if (typeof root === 'object' && root !== null) stack.push([root as Record<string, unknown>, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) return false;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (v instanceof GoFloat) node[i] = v.value;
        else if (typeof v === 'object' && v !== null) stack.push([v as Record<string, unknown>, depth + 1]);
      }
      continue;
    }
    for (const k of Object.keys(node)) {
      if (k === 'null' || k === '[object Object]') return false;
      const v = node[k];
      if (v instanceof GoFloat) node[k] = v.value;
      else if (typeof v === 'object' && v !== null) stack.push([v as Record<string, unknown>, depth + 1]);
    }
  }
  return true;
}

/** The fast path's answer for one chunk: its value, or that it holds no document. */
export type FastRead = { readonly value: unknown } | { readonly empty: true };

/**
 * Reads one chunk (a document as kubectl cuts the stream) exactly as the exact reader would, or
 * returns undefined when it cannot promise that.
 */
export function readChunkFast(text: string, maxDepth: number): FastRead | undefined {
  if (lineTrouble(text)) return undefined;
  const { load, schema } = jsYaml();
  let value: unknown;
  try {
    value = load(text, { schema });
  } catch {
    return undefined;
  } finally {
    resolvedText = undefined;
  }
  if (value === undefined || value === null) return { empty: true };
  // A scalar document is no manifest, and an indented one is where the parsers part ways (`  >`
  // followed by a less indented line): leave it to the exact reader.
  if (typeof value !== 'object' || value instanceof GoFloat) return undefined;
  return settle(value, maxDepth) ? { value } : undefined;
}

/**
 * splitStream of yaml.ts (kubectl's YAMLReader cut) without making a string of every line: the
 * same chunks, sliced out of the text. Undefined, so that splitStream runs and words the result,
 * for text holding a CR (splitStream drops it at line ends) or a separator line with content.
 */
export function splitStreamLf(
  text: string,
): { chunks: Array<{ text: string; line: number }>; error?: undefined } | undefined {
  if (text.includes('\r')) return undefined;
  const chunks: Array<{ text: string; line: number }> = [];
  let chunkStart = 0;
  let chunkLine = 1;
  const flush = (end: number): void => {
    if (end > chunkStart)
      chunks.push({
        text: text.charCodeAt(end - 1) === 10 ? text.slice(chunkStart, end) : `${text.slice(chunkStart, end)}\n`,
        line: chunkLine,
      });
  };
  for (let p = 0, line = 1; p < text.length; line++) {
    const nl = text.indexOf('\n', p);
    const next = nl < 0 ? text.length : nl + 1;
    if (text.charCodeAt(p) === 45 && text.charCodeAt(p + 1) === 45 && text.charCodeAt(p + 2) === 45) {
      const rest = text.slice(p + 3, nl < 0 ? text.length : nl).trim();
      if (rest !== '' && !rest.startsWith('#')) return undefined;
      flush(p);
      chunkStart = next;
      chunkLine = line + 1;
    }
    p = next;
  }
  flush(text.length);
  return { chunks };
}
