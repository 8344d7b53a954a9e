import { plainValue } from './go-yaml-resolve';
import { FLOW_PLAIN, MAX_LINE, NOT_PLAIN_FIRST, plainScalar, printable, DECLINE } from './block-reader-scalars';
import { literalBlock } from './block-reader-literal';
import { cachedKey, cachedValue, keepKey, keepValue, MAX_VALUE, openMapping } from './block-reader-strings';

// Character codes the scanners compare against, local so the loops read constants (an imported
// one is a property of the module object, read at each use: the reader ran 8% more instructions).
const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const SQUOTE = 0x27;
const DQUOTE = 0x22;

/**
 * The hand-written block reader, the first reader of readYamlStream: one pass over a chunk written
 * in plain block layout (what toYaml writes, and what most hand-written manifests are), building
 * the values directly, with plain scalars resolved by go-yaml's own rules (plainValue). What it
 * declines goes to the exact reader (exact-reader.ts).
 *
 * It takes, line by line: block mappings and block sequences (indented, indentless, and compact
 * `- key: v` / `- - v`), empty entries and values, single-line plain, single-quoted and
 * double-quoted scalars without escapes, literal block scalars (`|` and `|-`, as the writer puts
 * multi-line strings), the empty flow collections `[]` and `{}`, one-line flow sequences of such
 * scalars (`command: ["sh", "-c"]`, plain items only of simple words), and comments on their own
 * line or after a space. It declines (undefined, and the exact reader decides) everything else:
 * folded block scalars, `|+`, indentation indicators, flow mappings with content, nested flow
 * collections, escapes, multi-line flow and plain scalars, anchors, aliases, tags, directives,
 * document markers, explicit keys, keys that resolve to anything but a string (`1:`, `yes:`,
 * `null:`, `<<:`) and `__proto__`, duplicate keys, integers beyond 2^53, .inf/.nan, tabs and
 * characters outside printable ASCII and the BMP's printable range, lines over MAX_LINE
 * characters, nesting deeper than maxDepth, and any indentation that is not exactly a level
 * already open. test/yaml/block-reader.test.ts holds it to the exact reader and to kubectl 1.27.
 */

/** The token kinds `scan` finds. */
enum Style {
  Plain,
  Single,
  Double,
  EmptyMap,
  FlowList,
  Literal,
}

/** The block reader's answer for one chunk: its value, or that it holds no document. */
export type BlockRead = { readonly value: unknown } | { readonly empty: true };

class BlockReader {
  /** Start and end (index of its `\n`, or the text's length) of the current line. */
  private lineEnd = -1;
  /** Column of the current line's content, or -1 past the last line. */
  private indent = 0;
  /** Index of the current line's content. */
  private content = 0;

  // The token `scan` found last.
  private tokenStart = 0;
  private tokenEnd = 0;
  private style = Style.Plain;
  private isKey = false;
  /** Index just past a key's `:`. */
  private afterColon = 0;
  /** A single-quoted token holds `''`. */
  private escapedQuote = false;
  /** A Literal token is `|-`. */
  private strip = false;
  /** The items of a FlowList token. */
  private flowItems: unknown[] = [];
  /** A hash of a plain token's text, to find it among the strings read before. */
  private hash = 0;

  public constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  public read(): BlockRead {
    this.advance();
    if (this.indent < 0) return { empty: true };
    const value = this.block(this.indent, 1);
    if (this.indent >= 0) throw DECLINE; // a line less indented than the first
    return { value };
  }

  /** Moves to the next line holding content, past blank and comment lines. */
  private advance(): void {
    const text = this.text;
    let start = this.lineEnd + 1;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end - start > MAX_LINE) throw DECLINE;
      let i = start;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i < end) {
        const c = text.charCodeAt(i);
        if (c === HASH) {
          this.comment(i + 1, end);
        } else {
          // Directives and document markers at column 0: kubectl's cut and go-yaml give them meanings of their own.
          if (i === start && (c === 0x25 || text.startsWith('---', i) || text.startsWith('...', i))) throw DECLINE;
          this.lineEnd = end;
          this.content = i;
          this.indent = i - start;
          return;
        }
      }
      start = end + 1;
    }
    this.lineEnd = text.length;
    this.content = text.length;
    this.indent = -1;
  }

  /** A comment's text: any printable character. */
  private comment(from: number, end: number): void {
    for (let i = from; i < end; i++) if (!printable(this.text.charCodeAt(i))) throw DECLINE;
  }

  /** Whether a sequence entry (`-` then a space or the line's end) opens at `i`. */
  private entryAt(i: number): boolean {
    return this.text.charCodeAt(i) === DASH && (i + 1 === this.lineEnd || this.text.charCodeAt(i + 1) === SPACE);
  }

  /** The collection whose first line is the current one, at column `indent`. */
  private block(indent: number, depth: number): unknown {
    if (this.entryAt(this.content)) return this.sequence(indent, depth);
    this.scan(this.content);
    return this.mapping(indent, depth);
  }

  /** A block mapping at column `indent`; its first key has just been scanned. */
  private mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > this.maxDepth) throw DECLINE;
    const out: Record<string, unknown> = {};
    const id = openMapping();
    // A quoted key marks no cached key (`"a": 1` then `a: 2`): after one, every key is looked up.
    let quoted = false;
    for (;;) {
      if (!this.isKey) throw DECLINE; // a scalar where a key must be
      const plain = this.style === Style.Plain;
      if (!plain) quoted = true;
      const cached = plain ? cachedKey(this.hash, this.text, this.tokenStart, this.tokenEnd) : undefined;
      const key = cached === undefined ? this.key() : cached.text;
      // A key used since this mapping opened may be in it already: the exact reader words the error.
      if ((cached === undefined || quoted || cached.usedBy >= id) && Object.hasOwn(out, key)) throw DECLINE;
      if (cached !== undefined) cached.usedBy = id;
      out[key] = this.value(indent, depth);
      if (this.indent !== indent) {
        if (this.indent < indent) return out;
        throw DECLINE;
      }
      if (this.entryAt(this.content)) throw DECLINE; // an entry at a mapping's column, after a value
      this.scan(this.content);
    }
  }

  /** The value of the key just read, from after its `:`; leaves the cursor on the line after it. */
  private value(indent: number, depth: number): unknown {
    const text = this.text;
    let i = this.afterColon;
    while (i < this.lineEnd && text.charCodeAt(i) === SPACE) i++;
    if (i === this.lineEnd || text.charCodeAt(i) === HASH) {
      this.comment(i + 1, this.lineEnd);
      this.advance();
      if (this.indent > indent) return this.block(this.indent, depth + 1);
      // An indentless sequence: `key:` then `- item` at the key's own column.
      if (this.indent === indent && this.entryAt(this.content)) return this.sequence(indent, depth + 1);
      return null;
    }
    this.scan(i);
    if (this.isKey) throw DECLINE; // `a: b: c`
    const v = this.scalar(depth, indent);
    this.advance();
    if (this.indent > indent) throw DECLINE; // a multi-line scalar
    return v;
  }

  /** A block sequence at column `indent`; the current line is its first entry. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > this.maxDepth) throw DECLINE;
    const text = this.text;
    const out: unknown[] = [];
    for (;;) {
      let i = this.content + 1;
      while (i < this.lineEnd && text.charCodeAt(i) === SPACE) i++;
      if (i === this.lineEnd || text.charCodeAt(i) === HASH) {
        this.comment(i + 1, this.lineEnd);
        this.advance();
        out.push(this.indent > indent ? this.block(this.indent, depth + 1) : null);
      } else if (this.entryAt(i)) {
        // `- - item`: a sequence at the column of the inner `-`.
        this.indent += i - this.content;
        this.content = i;
        out.push(this.block(this.indent, depth + 1));
      } else {
        this.scan(i);
        if (this.isKey) {
          // `- key: v`: a mapping at the key's column, whose first key is on this line.
          this.indent += i - this.content;
          this.content = i;
          out.push(this.mapping(this.indent, depth + 1));
        } else {
          out.push(this.scalar(depth, indent));
          this.advance();
        }
      }
      if (this.indent === indent && this.entryAt(this.content)) continue;
      if (this.indent <= indent) return out; // at the column: a key of the mapping holding an indentless sequence
      throw DECLINE;
    }
  }

  /**
   * Finds the token at `i`: its style, its text, and whether a key's `:` follows it. Refuses what
   * cannot start a scalar here, and anything after it but a comment.
   */
  private scan(i: number): void {
    const text = this.text;
    const end = this.lineEnd;
    const c = text.charCodeAt(i);
    this.tokenStart = i;
    this.isKey = false;
    let j: number;
    if (c === SQUOTE || c === DQUOTE) {
      this.style = c === SQUOTE ? Style.Single : Style.Double;
      this.tokenEnd = this.quoted(i);
    } else if (c === 0x7b && text.charCodeAt(i + 1) === 0x7d) {
      this.style = Style.EmptyMap;
      this.tokenEnd = i + 2;
    } else if (c === 0x5b) {
      this.style = Style.FlowList;
      this.tokenEnd = this.flowList(i);
    } else if (c === 0x7c) {
      // `|` or `|-`: a literal block scalar, kept or stripped of its final line break. Folding
      // (`>`), `|+` (keep every trailing break) and indentation indicators are left to the other readers.
      this.style = Style.Literal;
      this.strip = text.charCodeAt(i + 1) === DASH;
      this.tokenEnd = i + (this.strip ? 2 : 1);
    } else {
      if (c < 0x80 && NOT_PLAIN_FIRST[c] === 1 && !(c === DASH && i + 1 < end && text.charCodeAt(i + 1) !== SPACE))
        throw DECLINE;
      this.style = Style.Plain;
      this.plain(i);
      return;
    }
    // After a quoted scalar or a flow collection: spaces, then the end, a comment or a key's `:`.
    j = this.tokenEnd;
    while (j < end && text.charCodeAt(j) === SPACE) j++;
    if (j === end) return;
    const d = text.charCodeAt(j);
    if (d === COLON && (j + 1 === end || text.charCodeAt(j + 1) === SPACE) && this.style <= Style.Double) {
      this.isKey = true;
      this.afterColon = j + 1;
    } else if (d === HASH && j > this.tokenEnd) {
      this.comment(j + 1, end);
    } else {
      throw DECLINE; // `"a"b`, `[] x`, `[]: x` (a collection as a key), a comment glued to the quote
    }
  }

  /** The end (past the closing quote) of the quoted scalar opening at `i`, which must close on its line; notes a `''`. */
  private quoted(i: number): number {
    const text = this.text;
    const end = this.lineEnd;
    const quote = text.charCodeAt(i);
    this.escapedQuote = false;
    for (let j = i + 1; ; j++) {
      if (j === end) throw DECLINE; // a quoted scalar over more than one line
      const q = text.charCodeAt(j);
      if (q === quote) {
        if (quote === SQUOTE && text.charCodeAt(j + 1) === SQUOTE) {
          this.escapedQuote = true;
          j++;
          continue;
        }
        return j + 1;
      }
      if (q === 0x5c && quote === DQUOTE) throw DECLINE; // an escape
      if (!printable(q)) throw DECLINE;
    }
  }

  /**
   * A flow sequence of scalars on one line, `[a, "b", 'c']` or `[]`, from its `[` at `i`: its end, past
   * the `]`, with its items in `flowItems`. Plain items are words of FLOW_PLAIN characters only
   * (no spaces, colons or indicators, where flow and block rules and the two parsers differ);
   * nested collections and a comma before `]` are refused.
   */
  private flowList(i: number): number {
    const text = this.text;
    const end = this.lineEnd;
    const items: unknown[] = [];
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === SPACE) j++;
    if (text.charCodeAt(j) !== 0x5d) {
      for (;;) {
        const c = text.charCodeAt(j);
        if (c === SQUOTE || c === DQUOTE) {
          const close = this.quoted(j);
          items.push(this.quotedText(j, close));
          j = close;
        } else {
          const start = j;
          if (!(c < 0x80 && FLOW_PLAIN[c] === 1) || c === DASH || c === 0x40) throw DECLINE; // `-` and `@` cannot open one
          while (j < end && text.charCodeAt(j) < 0x80 && FLOW_PLAIN[text.charCodeAt(j)] === 1) j++;
          items.push(plainScalar(text.slice(start, j)));
        }
        while (j < end && text.charCodeAt(j) === SPACE) j++;
        const d = text.charCodeAt(j);
        if (d === 0x5d) break;
        if (d !== 0x2c) throw DECLINE; // anything but `,` or `]` after an item
        j++;
        while (j < end && text.charCodeAt(j) === SPACE) j++;
        if (j === end || text.charCodeAt(j) === 0x5d) throw DECLINE; // over two lines, or `[a,]`
      }
    }
    this.flowItems = items;
    return j + 1;
  }

  /** A plain scalar from `i`: it ends at the line's end, at ` #`, or at a key's `: `; trailing spaces are not part of it. */
  private plain(i: number): void {
    const text = this.text;
    const end = this.lineEnd;
    let last = i;
    let hash = 0;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) continue;
      if (c === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) {
        this.isKey = true;
        this.afterColon = i + 1;
        break;
      }
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        this.comment(i + 1, end);
        break;
      }
      if (!printable(c)) throw DECLINE;
      hash = (Math.imul(hash, 31) + c) | 0;
      last = i + 1;
    }
    this.tokenEnd = last;
    this.hash = hash;
  }

  /** The scanned plain token's value; a string read before is taken from block-reader-strings.ts. */
  private plainTokenValue(): unknown {
    const { text, tokenStart, tokenEnd } = this;
    if (tokenEnd - tokenStart > MAX_VALUE) return plainScalar(text.slice(tokenStart, tokenEnd));
    const cached = cachedValue(this.hash, text, tokenStart, tokenEnd);
    if (cached !== undefined) return cached;
    const v = plainScalar(text.slice(tokenStart, tokenEnd));
    // A string only for its own text (plainScalar's contract).
    if (typeof v === 'string') keepValue(this.hash, v);
    return v;
  }

  /** The scanned token as a key not read before: a string, as go-yaml's resolver and YAMLToJSON would give it. */
  private key(): string {
    if (this.style !== Style.Plain) {
      const s = this.quotedText(this.tokenStart, this.tokenEnd);
      if (s === '__proto__') throw DECLINE;
      return s;
    }
    const s = this.text.slice(this.tokenStart, this.tokenEnd);
    if (s === '<<' || s === '__proto__' || typeof plainValue(s) !== 'string') throw DECLINE;
    keepKey(this.hash, s);
    return s;
  }

  /**
   * The scanned token as a value. A block scalar's text follows on the lines indented deeper than
   * `indent`, the column of the collection holding it: they are read, and the cursor left on the last.
   */
  private scalar(depth: number, indent: number): unknown {
    switch (this.style) {
      case Style.Literal: {
        const { value, last } = literalBlock(this.text, this.lineEnd, indent, this.strip);
        this.lineEnd = last;
        return value;
      }
      case Style.EmptyMap:
      case Style.FlowList:
        if (depth + 1 > this.maxDepth) throw DECLINE;
        return this.style === Style.FlowList ? this.flowItems : {};
      case Style.Plain:
        return this.plainTokenValue();
      default:
        return this.quotedText(this.tokenStart, this.tokenEnd);
    }
  }

  /** The text of the quoted scalar from its opening quote at `start` to past its closing one at `end`, `''` read as `'`. */
  private quotedText(start: number, end: number): string {
    const s = this.text.slice(start + 1, end - 1);
    return this.escapedQuote ? s.replace(/''/g, "'") : s;
  }
}

/**
 * Reads one chunk (a document as kubectl cuts the stream) exactly as the exact reader would, or
 * declines it (undefined) when it is not in plain block layout. The scanners throw DECLINE at the
 * first thing outside that layout; only here is it turned into the answer.
 */
export function readChunkBlock(text: string, maxDepth: number): BlockRead | undefined {
  try {
    return new BlockReader(text, maxDepth).read();
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}
