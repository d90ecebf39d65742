/**
 * How many terminal columns text takes: color codes count 0, East Asian wide characters (原函數)
 * 2, combining marks 0 — measured by fast-string-width, which starts in well under a millisecond
 * (string-width builds an Intl.Segmenter and Unicode-property regexes: ~100 ms on first use).
 */
import fastStringWidth from 'fast-string-width';

/**
 * Visible width of `text`. Table cells are mostly numbers, so printable ASCII and the narrow
 * symbols numbers are printed with (− ′ ∞ —) are counted here without a call: a 10⁶-row table
 * measures millions of cells.
 */
export function visibleWidth(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 || c > 0x7e) && c !== 0x2212 && c !== 0x2032 && c !== 0x221e && c !== 0x2014)
      return fastStringWidth(text);
  }
  return text.length;
}

/** Color and style codes (SGR), which take no columns. */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[\\d;]*m`, 'g');

export function stripColor(text: string): string {
  return text.replace(SGR, '');
}

/** `text` padded with spaces to `width` visible columns, on the right (left-aligned) or the left. */
export function padVisible(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}
