/**
 * Stands in for truetype.ts in the page's bundle (scripts/build-page.mjs): `parseTrueType` gives
 * the embedded font subset, so that fonts/font.ts, the layout and the SVG writer run unchanged.
 */
import { subsetFont, type FontSubset } from '../font-subset.js';
import type { TrueTypeFont } from '../../fonts/truetype.js';

export type { PathCommand, TrueTypeFont } from '../../fonts/truetype.js';

/** The subset, put in by the bundler. */
declare const __ACTFN_FONT_SUBSET__: FontSubset;

let font: TrueTypeFont | undefined;

export function parseTrueType(_bytes?: Uint8Array): TrueTypeFont {
  font ??= subsetFont(__ACTFN_FONT_SUBSET__);
  return font;
}
