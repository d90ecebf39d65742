/**
 * The stress gallery: charts that used to break the layout (many functions, long names, stacked
 * panels, log axes, both themes, sizes from 150×150 to 3000×2100), each laid out as the CLI does
 * (one sample per 2 pixels), and the checks made on their layout model. Shared by
 * test/chart/gallery.test.ts and `npm run gallery` (scripts/gallery.ts, a contact sheet).
 */
import { compareChart, type CompareShow } from '../../src/chart/compare-chart.js';
import { functionChart } from '../../src/chart/function-chart.js';
import { inflate, PolylineIndex, rectInside, rectsOverlap } from '../../src/chart/geometry.js';
import { layoutChartGeometry, type LaidOutChart, type TextMeasure } from '../../src/chart/layout.js';
import type { ChartModel, ThemeName } from '../../src/chart/model.js';
import type { Rect, TextItem } from '../../src/chart/scene.js';
import { catalog } from '../../src/math/catalog.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { sampleFunction, sampleGrid } from '../../src/math/sample.js';
import { fontMeasure } from '../../src/paint/fonts/font.js';

export interface GalleryCase {
  readonly name: string;
  readonly model: ChartModel;
  readonly width: number;
  readonly height: number;
}

/** Functions with long names, for groups. */
const LONG = [
  'ReLU',
  'GELU(approximate=tanh)',
  'LeakyReLU(negative_slope=0.1)',
  'Mish',
  'ELU(alpha=0.5)',
  'SELU',
  'Softplus(beta=2, threshold=10)',
  'Tanh',
  'CELU(alpha=1.5)',
  'Hardtanh(min_val=-2, max_val=2)',
];

function grid(width: number): Float64Array {
  return sampleGrid(-6, 6, { samples: Math.max(121, Math.ceil(width / 2) + 1) }, 1e6);
}

function single(spec: string, width: number, height: number, theme: ThemeName = 'light', logY = false): GalleryCase {
  const fn = resolveSpec(spec);
  const model = functionChart(fn, sampleFunction(fn, grid(width)), {
    range: [-6, 6],
    show: logY ? 'df' : 'both',
    logY,
    legend: 'auto',
    theme,
  });
  return {
    name: `${spec} ${width}x${height}${theme === 'dark' ? ' dark' : ''}${logY ? ' log' : ''}`,
    model,
    width,
    height,
  };
}

function group(
  specs: readonly string[],
  show: CompareShow,
  width: number,
  height: number,
  theme: ThemeName = 'light',
  logY = false,
): GalleryCase {
  const g = grid(width);
  const model = compareChart(
    specs.map((s) => {
      const fn = resolveSpec(s);
      return { label: fn.label, sampled: sampleFunction(fn, g) };
    }),
    { range: [-6, 6], show, logY, legend: 'auto', theme },
  );
  return {
    name: `${specs.length} ${show}${logY ? ' log' : ''} ${width}x${height}${theme === 'dark' ? ' dark' : ''}`,
    model,
    width,
    height,
  };
}

export function galleryCases(): GalleryCase[] {
  const cases: GalleryCase[] = catalog.map((e) => single(e.name, 500, 350));
  const sizes: [number, number][] = [
    [150, 150],
    [300, 200],
    [500, 350],
    [1000, 700],
    [3000, 2100],
  ];
  for (const n of [2, 4, 8, 10]) {
    for (const [w, h] of sizes) cases.push(group(LONG.slice(0, n), 'values', w, h));
    cases.push(group(LONG.slice(0, n), 'both', 500, 700));
    cases.push(group(LONG.slice(0, n), 'derivatives', 500, 350, 'dark', true));
  }
  cases.push(group(LONG.slice(0, 8), 'both', 150, 150));
  cases.push(group(LONG.slice(0, 10), 'both', 3000, 2100, 'dark'));
  for (const spec of ['GELU', 'Sigmoid', 'ReLU', 'Sparsemax']) {
    cases.push(single(spec, 150, 150));
    cases.push(single(spec, 3000, 2100, 'dark'));
    cases.push(single(spec, 500, 350, 'light', true));
  }
  return cases;
}

export const measure: TextMeasure = fontMeasure();

export function layoutCase(c: GalleryCase): LaidOutChart {
  return layoutChartGeometry(c.model, { width: c.width, height: c.height, measure });
}

/** The ink box of a text item (cap height above the baseline, descent below; rotated −90° for y labels). */
export function textBox(item: TextItem, m: TextMeasure = measure): Rect {
  const w = m.width(item.text, item.size);
  const up = m.capHeight(item.size);
  const down = m.descent(item.size);
  const start = item.anchor === 'start' ? 0 : item.anchor === 'middle' ? -w / 2 : -w;
  if (item.rotate === -90) return { x: item.x - up, y: item.y - start - w, width: up + down, height: w };
  return { x: item.x + start, y: item.y - up, width: w, height: up + down };
}

/** What is wrong with a laid-out chart, as sentences; empty when nothing is. */
export function galleryProblems(chart: LaidOutChart, limit = 0.03): string[] {
  const { scene } = chart;
  const problems: string[] = [];
  const image: Rect = { x: 0, y: 0, width: scene.width, height: scene.height };
  const texts = scene.items.filter((i): i is TextItem => i.kind === 'text');
  const boxes = texts.map((t) => ({ t, box: textBox(t) }));
  for (const { t, box } of boxes)
    if (!rectInside(box, inflate(image, 0.5))) problems.push(`${t.role} '${t.text}' leaves the image`);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      // Shrunk a little: boxes that merely touch (descent of one row, cap of the next) are fine.
      if (rectsOverlap(inflate(boxes[i]!.box, -0.75), inflate(boxes[j]!.box, -0.75))) {
        problems.push(`${boxes[i]!.t.role} '${boxes[i]!.t.text}' overlaps ${boxes[j]!.t.role} '${boxes[j]!.t.text}'`);
      }
    }
  }
  if (chart.legend) {
    if (!rectInside(chart.legend, image)) problems.push('the legend leaves the image');
    if ((chart.legendHidden ?? 0) > limit)
      problems.push(`the legend hides ${((chart.legendHidden ?? 0) * 100).toFixed(1)} % of the curve samples`);
    for (const { t, box } of boxes)
      if (t.role === 'tick-label' && rectsOverlap(box, chart.legend))
        problems.push(`tick label '${t.text}' under the legend`);
  }
  for (const p of chart.panels) {
    for (const l of p.labels) {
      if (l.origin) continue;
      const at = l.axis === 'x' ? p.x.scale.map(l.value) : p.y.scale.map(l.value);
      const mid = l.axis === 'x' ? l.box.x + l.box.width / 2 : l.box.y + l.box.height / 2;
      if (Math.abs(mid - at) > 1) problems.push(`${l.axis} label '${l.text}' is ${(mid - at).toFixed(1)} off its tick`);
    }
    // Every series shows: some of its samples lie off every later solid series.
    const later = p.curves.map((pieces) => pieces.map((q) => new PolylineIndex(q)));
    p.curves.forEach((pieces, j) => {
      const points = pieces.reduce((n, q) => n + q.length / 2, 0);
      if (points === 0) return;
      let free = 0;
      for (const q of pieces) {
        for (let k = 0; k < q.length; k += 2) {
          const at = { x: q[k]!, y: q[k + 1]!, width: 0, height: 0 };
          let covered = false;
          for (let i = j + 1; i < later.length && !covered; i++)
            if (!p.dashed[i] && later[i]!.some((ix) => ix.hits(at, 0.5))) covered = true;
          if (!covered) free++;
        }
      }
      if (free === 0 && !p.dashed.slice(j + 1).some(Boolean)) problems.push(`series ${j} is hidden under later ones`);
    });
  }
  return problems;
}
