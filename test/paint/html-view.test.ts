// The interactive page's pure parts: sliders, the view's command line and chart, the font subset.
import { describe, expect, it } from 'vitest';
import { findEntry } from '../../src/math/catalog.js';
import type { NumberParamDef } from '../../src/math/types.js';
import { bundledFont, shapeText } from '../../src/paint/fonts/font.js';
import { fontSubset, subsetFont } from '../../src/paint/html/font-subset.js';
import { POSITIONS, sliderPosition, sliderSpec, sliderValue } from '../../src/paint/html/sliders.js';
import { commandLine, shellQuote, viewSpecs, type PageView } from '../../src/paint/html/view.js';

const param = (entry: string, name: string) => findEntry(entry)!.params.find((p) => p.name === name) as NumberParamDef;

describe('parameter sliders', () => {
  it('take their bounds from the valid range, log scale for strictly positive scales', () => {
    expect(sliderSpec(param('Softplus', 'beta'))).toEqual({ lo: 0.01, hi: 100, log: true, step: 0 });
    expect(sliderSpec(param('ELU', 'alpha'))).toMatchObject({ lo: -5, hi: 5, log: false, step: 0.01 });
    expect(sliderSpec(param('Softshrink', 'lambd'))).toMatchObject({ lo: 0, hi: 2, log: false });
    expect(sliderSpec(param('RReLU', 'seed'))).toMatchObject({ lo: 0, hi: 100, step: 1 });
  });

  it('give round values that map back to their position', () => {
    const s = sliderSpec(param('ELU', 'alpha'));
    expect(sliderValue(s, 700)).toBe(2);
    expect(sliderValue(s, 517)).toBe(0.17);
    expect(sliderValue(s, 500)).toBe(0);
    expect(Object.is(sliderValue(s, 500), -0)).toBe(false);
    const log = sliderSpec(param('Softplus', 'beta'));
    expect(sliderValue(log, 500)).toBe(1);
    expect(sliderValue(log, POSITIONS)).toBe(100);
    for (const p of [0, 123, 500, 999]) expect(sliderPosition(log, sliderValue(log, p))).toBe(p);
    expect(sliderPosition(s, 1e9)).toBe(POSITIONS); // out of range: at the end
  });
});

const view = (over: Partial<PageView>): PageView => ({
  command: 'compare',
  series: [],
  range: [-6, 6],
  show: 'values',
  logY: false,
  legend: 'auto',
  theme: 'light',
  width: 500,
  height: 350,
  ...over,
});

describe('the view’s command line', () => {
  it('quotes for a POSIX shell only where needed', () => {
    expect(shellQuote('GELU')).toBe('GELU');
    expect(shellQuote('-4,4')).toBe('-4,4');
    expect(shellQuote('ELU(alpha=0.7)')).toBe('"ELU(alpha=0.7)"');
    expect(shellQuote('a $b')).toBe("'a $b'");
    expect(shellQuote("it's $1")).toBe("'it'\\''s $1'");
  });

  it('writes the options that differ from the defaults', () => {
    const plot = view({ command: 'plot', series: [{ spec: 'ELU(alpha=0.7)', on: true }], range: [-4, 4], show: 'f' });
    expect(commandLine(plot)).toBe('actfn plot "ELU(alpha=0.7)" --range -4,4 --no-derivative');
    const dark = view({
      command: 'plot',
      series: [{ spec: 'GELU', on: true }],
      show: 'df',
      logY: true,
      theme: 'dark',
      width: 800,
      height: 400,
      sampling: { samples: 50 },
      title: 'a b',
    });
    expect(commandLine(dark)).toBe('actfn plot GELU --samples 50 --log-y --title "a b" --theme dark --size 800x400');
  });

  it('writes the members of a sweep back as one sweep while they differ in the swept value only', () => {
    const sweep = (specs: string[], on = specs.map(() => true)) =>
      view({ series: specs.map((spec, i) => ({ spec, on: on[i]!, group: 1, swept: 'alpha' })) });
    expect(viewSpecs(sweep(['ELU(alpha=0.5)', 'ELU', 'ELU(alpha=2)']))).toEqual(['ELU(alpha=0.5|1|2)']);
    expect(viewSpecs(sweep(['ELU(alpha=0.5)', 'ELU', 'ELU(alpha=2)'], [true, false, true]))).toEqual([
      'ELU(alpha=0.5|2)',
    ]);
    expect(viewSpecs(sweep(['ELU(alpha=0.5)', 'ELU', 'ELU(alpha=2)'], [false, true, false]))).toEqual(['ELU']);
    expect(viewSpecs(sweep(['ELU(alpha=0.5)', 'x*sigmoid(x)']))).toEqual(['ELU(alpha=0.5)', 'x*sigmoid(x)']);
  });
});

describe('the page’s font subset', () => {
  it('measures, kerns and outlines as the bundled font does', () => {
    const font = bundledFont();
    const subset = subsetFont(JSON.parse(JSON.stringify(fontSubset(font))));
    for (const text of ['ELU(x; alpha=0.7)', 'AV To −2.5 f′(x) ∂fᵢ/∂xᵢ', 'Softplus(beta=1e-3)']) {
      expect(shapeText(subset, text)).toEqual(shapeText(font, text));
    }
    const g = font.glyphIndex('a'.codePointAt(0)!);
    expect(subset.outline(g)).toEqual(font.outline(g));
    expect(subset.glyphIndex(0x4e2d)).toBe(0); // CJK: left to the browser's fonts
  });
});
