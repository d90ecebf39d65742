/**
 * `--help` texts and messages that fit the terminal: our examples wrapped as a shell reads them,
 * so that a wrapped example still pastes and runs, and paragraphs re-wrapped. (Commander's own part
 * of the help is fitted by the overrides in src/cli.ts, with visibleWidth and wrapText.)
 */
import { visibleWidth } from './width.js';
import { wrapText } from './wrap.js';

/** Lines of help longer than `width` wrapped, continuation lines indented under their line. */
export function fitLines(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const lead = /^ */.exec(line)![0];
      return wrapText(line, width, `${lead}  `);
    })
    .join('\n');
}

/** Words of a shell command, quotes kept together: `plot "x * 2" -o a.png` → 4 words. */
function shellWords(command: string): string[] {
  return command.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
}

/**
 * An example `  $ actfn … # comment` for `width` columns: the comment moves to a line of its own
 * above the command, and a command still too long continues on the next lines after ` \`, as a
 * shell reads it, so the example can be pasted as it is.
 */
export function fitExample(line: string, width: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const m = /^( *)\$ (.*?)(?:\s+(#.*))?$/.exec(line);
  if (!m) return wrapText(line, width, '  ');
  const [, lead = '', command = '', comment] = m;
  const out = comment ? wrapText(`${lead}${comment}`, width, `${lead}  `) : [];
  const first = `${lead}$ `;
  const rest = `${lead}    `;
  let current = first;
  for (const word of shellWords(command)) {
    const start = current === first || current === rest;
    if (!start && visibleWidth(`${current} ${word} \\`) > width) {
      out.push(`${current} \\`);
      current = rest + word;
    } else {
      current = start ? current + word : `${current} ${word}`;
    }
  }
  out.push(current);
  // A single word wider than the terminal (a long quoted expression) is cut: it fits, but no longer pastes.
  return out.flatMap((l) => wrapText(l, width, rest));
}

/**
 * Help text of ours (the examples and notes after commander's help) for `width` columns: examples
 * by fitExample, and a paragraph with a line too long re-wrapped as one paragraph. An undefined
 * width (help piped into a file or a pager) keeps the text as written.
 */
export function fitHelpText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.some((l) => visibleWidth(l) > width)) {
      const lead = /^ */.exec(paragraph[0]!)![0];
      out.push(...wrapText(paragraph.map((l) => l.trim()).join(' '), width - lead.length).map((l) => lead + l));
    } else {
      out.push(...paragraph);
    }
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    if (/^ *\$ /.test(line) || line.trim() === '') {
      flush();
      out.push(...(line.trim() === '' ? [line] : fitExample(line, width)));
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/** A one-line message (`actfn: …`) for a terminal `width` columns wide: continuation lines indented. */
export function fitMessage(line: string, width: number | undefined): string {
  // Narrower than any real terminal: one line, as in a log.
  if (width === undefined || width < MIN_MESSAGE_WIDTH) return line;
  // `actfn: ` stays with the first word: the message's first line always starts `actfn: …`.
  return wrapText(line.replace(/^actfn: /, 'actfn:\u00a0'), width, '  ')
    .join('\n')
    .replace('actfn:\u00a0', 'actfn: ');
}

const MIN_MESSAGE_WIDTH = 20;
