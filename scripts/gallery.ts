/**
 * `npm run gallery [FILE]`: the stress gallery (test/support/gallery.ts) drawn as one contact
 * sheet, default gallery.png: every chart scaled into a 300×300 cell, in the test's order, with
 * its name and any layout problem listed on stdout. For looking at, not for CI.
 */
import { writeFileSync } from 'node:fs';
import { encodePng } from '../src/paint/raster/png.js';
import { rasterize } from '../src/paint/raster/rasterizer.js';
import { galleryCases, galleryProblems, layoutCase } from '../test/support/gallery.js';

const CELL = 300;
const COLUMNS = 10;
const out = process.argv[2] ?? 'gallery.png';
const cases = galleryCases();
const rows = Math.ceil(cases.length / COLUMNS);
const width = COLUMNS * CELL;
const height = rows * CELL;
const sheet = new Uint8Array(width * height * 4).fill(160);

cases.forEach((c, index) => {
  const chart = layoutCase(c);
  const problems = galleryProblems(chart);
  process.stdout.write(
    `${String(index + 1).padStart(3)} ${c.name}${problems.length ? `: ${problems.join('; ')}` : ''}\n`,
  );
  const raster = rasterize(chart.scene, 1);
  // Box-filter the chart down into its cell (never up), keeping its aspect.
  const k = Math.max(1, raster.width / (CELL - 8), raster.height / (CELL - 8));
  const w = Math.floor(raster.width / k);
  const h = Math.floor(raster.height / k);
  const ox = (index % COLUMNS) * CELL + Math.floor((CELL - w) / 2);
  const oy = Math.floor(index / COLUMNS) * CELL + Math.floor((CELL - h) / 2);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x * k);
      const y0 = Math.floor(y * k);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * k));
      const y1 = Math.max(y0 + 1, Math.floor((y + 1) * k));
      const sum = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * raster.width + sx) * 4;
          sum[0] += raster.data[i]!;
          sum[1] += raster.data[i + 1]!;
          sum[2] += raster.data[i + 2]!;
        }
      }
      const n = (x1 - x0) * (y1 - y0);
      const o = ((oy + y) * width + ox + x) * 4;
      sheet[o] = sum[0]! / n;
      sheet[o + 1] = sum[1]! / n;
      sheet[o + 2] = sum[2]! / n;
    }
  }
});
for (let i = 3; i < sheet.length; i += 4) sheet[i] = 255;
writeFileSync(out, encodePng(sheet, width, height));
process.stdout.write(`wrote ${out} (${width}×${height}, ${cases.length} charts)\n`);
