/**
 * One chart model written as an image file (or to stdout for `-o -`): laid out, painted, written
 * atomically (removed again if a signal ends the run), and reported with `wrote FILE (W×H)`. The
 * layout, font and painters load only here, when a file is written.
 */
import type { ChartModel } from '../chart/model.js';
import { reportWritten, type Target, writtenSize } from './chart-options.js';
import type { CliIO } from './io.js';

export interface ImageSettings {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly jpegQuality: number;
}

export async function writeChartFile(
  io: CliIO,
  model: ChartModel,
  file: Target,
  image: ImageSettings,
  options: { readonly quiet: boolean; readonly untitled: string },
): Promise<void> {
  const { layoutChart } = await import('../chart/layout.js');
  const { fontMeasure } = await import('../paint/fonts/font.js');
  const { renderImage } = await import('../paint/image.js');
  const { writeFileAtomic, withCleanupOnSignal } = await import('./atomic-write.js');
  const scene = layoutChart(model, { width: image.width, height: image.height, measure: fontMeasure() });
  const warn = (message: string) => io.stderr.write(`actfn: warning: ${message}\n`);
  await withCleanupOnSignal(async () => {
    const bytes = await renderImage(scene, file.format, {
      scale: image.scale,
      jpegQuality: image.jpegQuality,
      title: model.title || options.untitled,
      warn,
    });
    if (file.path === '-') io.stdout.write(bytes);
    else await writeFileAtomic(file.path, bytes);
  });
  if (!options.quiet) reportWritten(io, file, writtenSize(file.format, image), (m) => io.stderr.write(`${m}\n`));
}
