/**
 * Help and messages fitted to a terminal, for src/cli.ts, which loads this module only when help
 * is shown or a message goes to a terminal: commander's help with visible widths (原函數 takes 6
 * columns, not 3) and wrapped below 40 columns too, our examples and paragraphs (./report/help-format.ts).
 */
import { type Command, Help } from 'commander';
import { fitHelpText, fitLines, fitMessage } from './report/help-format.js';
import { visibleWidth } from './report/width.js';
import { wrapText } from './report/wrap.js';

export { fitHelpText, fitMessage };

/** Below this many columns for an option's description, it goes under the option instead. */
const MIN_DESCRIPTION = 24;

/** Commander help overrides (configureHelp) that keep every line within the help's width. */
export function fittingHelp(): Partial<Help> {
  return {
    // Commander wraps descriptions only; the usage line and the rest are fitted afterwards.
    formatHelp(this: Help, cmd: Command, helper: Help): string {
      return fitLines(Help.prototype.formatHelp.call(this, cmd, helper), helper.helpWidth ?? 80);
    },
    displayWidth: visibleWidth,
    boxWrap: (text: string, width: number) =>
      text
        .split('\n')
        .flatMap((line) => wrapText(line, width))
        .join('\n'),
    formatItem(term: string, termWidth: number, description: string, helper: Help): string {
      const width = helper.helpWidth ?? 80;
      if (!description) return `  ${term}`;
      const room = width - termWidth - 4;
      if (room >= MIN_DESCRIPTION) {
        const lines = wrapText(description, room);
        const padded = term + ' '.repeat(Math.max(0, termWidth - visibleWidth(term)));
        return `  ${padded}  ${lines.join(`\n${' '.repeat(termWidth + 4)}`)}`;
      }
      // Narrow: the description on lines of its own, under its option.
      const indent = '      ';
      return [`  ${term}`, ...wrapText(description, width - indent.length).map((l) => indent + l)].join('\n');
    },
  };
}
