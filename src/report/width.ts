/**
 * How many terminal columns text takes: color codes count 0, East Asian wide characters (原函數)
 * 2, combining marks 0 — measured by fast-string-width, which starts in well under a millisecond
 * (string-width builds an Intl.Segmenter and Unicode-property regexes: ~100 ms on first use).
 */
import fastStringWidth from 'fast-string-width';

/**
 * Characters one column wide for certain: printable ASCII, Latin-1 and Latin Extended, IPA and
 * phonetic (ᵢ), Greek (σ Φ), punctuation, super- and subscripts, letterlike symbols, arrows, math
 * operators (− ′ ≤ √ ∞ ·), box drawing and braille. Anything else is measured by fast-string-width.
 */
function narrow(c: number): boolean {
  if (c < 0x2010)
    return (
      (c >= 0x20 && c < 0x7f) ||
      (c >= 0xa0 && c < 0x300 && c !== 0xad) ||
      (c >= 0x370 && c < 0x400) ||
      (c >= 0x1d00 && c < 0x1dc0)
    );
  return (
    c < 0x2028 ||
    (c >= 0x2030 && c < 0x205f) ||
    (c >= 0x2070 && c < 0x20a0) ||
    (c >= 0x2100 && c < 0x2319) ||
    (c >= 0x2500 && c < 0x25fd) ||
    (c >= 0x2800 && c < 0x2900) ||
    c === 0x2c7c
  );
}

/**
 * Visible width of `text`. Table cells are numbers and formulas, measured millions of times in a
 * big table: text of narrow characters only (see narrow) is counted here without a call.
 */
export function visibleWidth(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (!narrow(text.charCodeAt(i))) return fastStringWidth(text);
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
