/**
 * The stress gallery (test/support/gallery.ts), judged from the layout model: no text box
 * overlaps another or leaves the image, the legend hides at most 3 % of the curve samples, tick
 * labels center on their ticks (±1 px), every series stays visible. `npm run gallery` draws the
 * same charts as one contact sheet.
 */
import { describe, expect, it } from 'vitest';
import { galleryCases, galleryProblems, layoutCase } from '../support/gallery.js';

describe('stress gallery', () => {
  for (const c of galleryCases()) {
    it(c.name, () => {
      expect(galleryProblems(layoutCase(c))).toEqual([]);
    });
  }
});
