import { DECLINE, MAX_LINE, printable } from './block-reader-scalars';

// Local, as in block-reader.ts: an imported constant is read from the module object at each use.
const SPACE = 0x20;

/**
 * For the block reader (block-reader.ts): the text of a literal block scalar whose header line ends
 * at `headerEnd`: the lines after it, up to the first one holding something at or left of its first
 * line's column, which must be right of `indent`; with one final line break, or none when
 * `strip` (`|-`). `last` is where its last line ends. Declined (DECLINE): no text at all, a line of
 * spaces only (readers disagree on how such lines set the indentation), a tab or other character
 * outside the printable set.
 */
export function literalBlock(
  text: string,
  headerEnd: number,
  indent: number,
  strip: boolean,
): { value: string; last: number } {
  let column = -1;
  let value = '';
  let breaks = 0; // empty lines since the last line of text
  let last = headerEnd;
  for (let start = headerEnd + 1; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_LINE) throw DECLINE;
    if (end === start) {
      breaks++;
      start = end + 1;
      continue;
    }
    let i = start;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i === end) throw DECLINE; // a line of spaces only
    if (column < 0) {
      if (i - start <= indent) break;
      column = i - start;
    } else if (i - start < column) {
      break;
    }
    for (let k = i; k < end; k++) if (!printable(text.charCodeAt(k))) throw DECLINE;
    // The break ending the previous line of text, then one per empty line; leading empty lines count too.
    value += '\n'.repeat(breaks + (last === headerEnd ? 0 : 1)) + text.slice(start + column, end);
    breaks = 0;
    last = end;
    start = end + 1;
  }
  if (column < 0) throw DECLINE; // no text
  return { value: strip ? value : `${value}\n`, last };
}
