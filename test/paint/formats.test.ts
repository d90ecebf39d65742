/** Every image format: the right kind of file, the right size, the same bytes every time. */
import { loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../../src/math/resolve.js';
import { fontMeasure } from '../../src/paint/fonts/font.js';
import { compareChartOf, functionChartOf } from '../support/charts.js';
import { renderImage, type ImageFormat } from '../../src/paint/image.js';
import { layoutChart } from '../../src/chart/layout.js';
import { checkWellFormed } from '../support/render-xml.js';

const model = functionChartOf(resolveSpec('ELU'), {
  range: [-6, 6],
  sampling: { step: 0.1 },
  show: 'both',
  logY: false,
  legend: 'auto',
  theme: 'light',
});
const scene = layoutChart(model, { width: 500, height: 350, measure: fontMeasure() });
const render = (format: ImageFormat, scale = 1) =>
  renderImage(scene, format, { scale, jpegQuality: 92, title: model.title ?? '', warn: () => {} });

describe('image formats', () => {
  it('writes PNG, JPG and WebP that decode to the chart size, k× with --scale', async () => {
    for (const format of ['png', 'jpg', 'webp'] as const) {
      for (const scale of [1, 2]) {
        const img = await loadImage(Buffer.from((await render(format, scale)) as Uint8Array));
        expect([img.width, img.height], `${format} ×${scale}`).toEqual([500 * scale, 350 * scale]);
      }
    }
    const png = Buffer.from((await render('png')) as Uint8Array);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const jpg = Buffer.from((await render('jpg')) as Uint8Array);
    expect([jpg[0], jpg[1]]).toEqual([0xff, 0xd8]);
    const webp = Buffer.from((await render('webp')) as Uint8Array);
    expect(webp.subarray(8, 12).toString()).toBe('WEBP');
  });

  it('writes SVG that is well-formed XML with the text drawn as glyphs', async () => {
    const svg = (await render('svg')) as string;
    expect(checkWellFormed(svg)).toBe('svg');
    expect(svg).toContain('viewBox="0 0 500 350"');
    expect(svg).toContain('aria-label="ELU(x)"');
    expect(svg).toMatch(/<use xlink:href="#g\d+"/);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('writes a PDF with no timestamps', async () => {
    const pdf = Buffer.from((await render('pdf')) as Uint8Array).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf).not.toMatch(/CreationDate|ModDate/);
    // 5 × 3.5 inches, as the article's 100-dpi figures.
    expect(pdf).toMatch(/\/MediaBox \[0 0 360 252\]/);
  });

  it('keeps the whole text of ellipsized legend names in the PDF (its Subject), as SVG does in titles', async () => {
    const names = ['ReLU', 'GELU', 'LeakyReLU(negative_slope=0.1)', 'Mish'];
    const small = layoutChart(
      compareChartOf(names.map(resolveSpec), {
        range: [-6, 6],
        sampling: { samples: 151 },
        show: 'values',
        logY: false,
        legend: 'auto',
        theme: 'light',
      }),
      { width: 150, height: 150, measure: fontMeasure() },
    );
    const cut = small.items.filter((i) => i.kind === 'text' && i.fullText !== undefined);
    expect(cut.length, 'a name is ellipsized at 150×150').toBeGreaterThan(0);
    const pdf = Buffer.from(
      (await renderImage(small, 'pdf', { scale: 1, jpegQuality: 92, title: '', warn: () => {} })) as Uint8Array,
    ).toString('latin1');
    // A PDF text string: (literal) or <FEFF…> (UTF-16BE in hex), as Skia writes non-ASCII.
    const hex = /\/Subject <FEFF([0-9A-F]*)>/.exec(pdf)?.[1];
    const subject = hex
      ? Buffer.from(hex, 'hex').swap16().toString('utf16le')
      : /\/Subject \((.*?)\)\s*\//s.exec(pdf)?.[1];
    expect(subject).toBeDefined();
    for (const name of names) expect(subject).toContain(name);
    const svg = (await renderImage(small, 'svg', { scale: 1, jpegQuality: 92, title: '', warn: () => {} })) as string;
    expect(svg).toContain('<title>LeakyReLU(negative_slope=0.1)</title>');
  });

  it('gives the same bytes for the same chart, in every format', async () => {
    for (const format of ['png', 'jpg', 'webp', 'svg', 'pdf'] as const) {
      const a = await render(format);
      const b = await render(format);
      expect(Buffer.from(a).equals(Buffer.from(b)), format).toBe(true);
    }
  });
});
