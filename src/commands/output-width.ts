/** The width a terminal view (table, list, info, grad-check report, properties) must fit. */
import type { OutputStream } from './io.js';
import { parseInteger } from './options.js';

/**
 * `--width N` if given; else a terminal's own width (80 when it does not say); else undefined: a
 * pipe or a file gets one line per row, so that scripts and files read the rows as they are.
 */
export function outputWidth(
  stream: OutputStream,
  option: string | undefined,
  min = 20,
  max = 1000,
): number | undefined {
  if (option !== undefined) return parseInteger(option, '--width', min, max);
  if (!stream.isTTY) return undefined;
  // No table gets narrower than 20 columns, --width's least.
  return stream.columns && stream.columns > 0 ? Math.max(min, stream.columns) : 80;
}
