/** East Asian wide characters, and how many terminal cells a string takes. */

/** East Asian wide characters: two terminal cells, 1 em in any CJK font. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Cells a string takes in a terminal: one per character, two for East Asian wide ones. */
export function cellWidth(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x1100) {
      n++; // the common case, table cells included: no lookup
    } else if (c >= 0xd800 && c <= 0xdbff) {
      n += isWide(text.codePointAt(i)!) ? 2 : 1; // two code units, one character
      i++;
    } else {
      n += isWide(c) ? 2 : 1;
    }
  }
  return n;
}
