/**
 * An entry's citation and framework names for people (`info`), for scripts (`list --json`,
 * `info --json`) and for LaTeX (`info --bibtex`).
 *
 * BibTeX: the entry type follows the venue — @misc for arXiv preprints and unpublished notes,
 * @inproceedings for conferences and workshops, @incollection for chapters of a book or series,
 * @techreport for technical reports, else @article (a journal). Text is escaped for BibTeX: the
 * characters LaTeX treats specially (braces included) are escaped, accented letters become
 * accent commands ({\'e}), and words with capitals after their first letter (GELUs, MobileNetV3)
 * are wrapped in braces so that styles that lower-case titles keep them.
 */
import { FRAMEWORKS, type Citation, type FrameworkNames } from '../math/types.js';
import type { JsonValue } from './numbers.js';

/** `Hendrycks, D. & Gimpel, K. (2016). Gaussian Error Linear Units (GELUs). arXiv preprint, arXiv:1606.08415.` */
export function citationLine(c: Citation): string {
  const initials = (given: string) =>
    given
      .split(/[\s.]+/)
      .filter(Boolean)
      .map((g) =>
        g
          .split('-')
          .map((p) => `${p[0]}.`)
          .join('-'),
      )
      .join(' ');
  const names = c.authors.map((a) => {
    const [family, given] = a.split(/,\s*/);
    return given ? `${family}, ${initials(given)}` : a;
  });
  const authors = names.length > 3 ? `${names[0]} et al.` : names.join(names.length === 2 ? ' & ' : ', ');
  const ids = [c.arxiv ? `arXiv:${c.arxiv}` : undefined, c.doi ? `doi:${c.doi}` : undefined].filter(Boolean);
  return `${authors} (${c.year}). ${c.title}. ${c.venue}${ids.length ? `, ${ids.join(', ')}` : ''}.`;
}

export function citationJSON(c: Citation | undefined): JsonValue {
  if (!c) return null;
  return {
    key: c.key,
    authors: [...c.authors],
    year: c.year,
    title: c.title,
    venue: c.venue,
    arxiv: c.arxiv ?? null,
    doi: c.doi ?? null,
    bibtexType: bibtexType(c),
  };
}

/** Every framework, with its name for the function or null. */
export function frameworksJSON(f: FrameworkNames | undefined): JsonValue {
  return Object.fromEntries(FRAMEWORKS.map((k) => [k, f?.[k] ?? null]));
}

/** `torch         torch.nn.GELU` lines, `—` where the framework has none. */
export function frameworkLines(f: FrameworkNames | undefined): string[] {
  return FRAMEWORKS.map((k) => `${k.padEnd(13)}${f?.[k] ?? '—'}`);
}

export type BibtexType = 'article' | 'inproceedings' | 'incollection' | 'techreport' | 'misc';

const CONFERENCE =
  /conference|proceedings|workshop|symposium|advances in neural information processing|\((ICML|ICLR|NeurIPS|NIPS|CVPR|ICCV|ECCV|KDD|AAAI|IJCNN|WACV|ICMLA|IJCAI|AISTATS)\b/i;

/** The BibTeX entry type for a citation's venue (see the file comment). */
export function bibtexType(c: Citation): BibtexType {
  const v = c.venue;
  if (/arxiv|preprint|unpublished|manuscript/i.test(v)) return 'misc';
  if (/technical report/i.test(v)) return 'techreport';
  if (CONFERENCE.test(v)) return 'inproceedings';
  if (/lecture notes|series|tricks of the trade/i.test(v)) return 'incollection';
  return 'article';
}

const ACCENTS: Readonly<Record<string, string>> = {
  '\u0301': "'",
  '\u0300': '`',
  '\u0308': '"',
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0307': '.',
  '\u0327': 'c',
  '\u030C': 'v',
  '\u0306': 'u',
  '\u030A': 'r',
  '\u0328': 'k',
  '\u030B': 'H',
};

const LETTERS: Readonly<Record<string, string>> = {
  ø: '{\\o}',
  Ø: '{\\O}',
  ł: '{\\l}',
  Ł: '{\\L}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ß: '{\\ss}',
  ı: '{\\i}',
  '–': '--',
  '—': '---',
};

const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field value: specials escaped, accents as commands (see the file comment). */
export function bibtexEscape(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFD')) {
    const accent = ACCENTS[ch];
    if (accent !== undefined && out.length > 0) {
      // Wrap the previous letter: é → {\'e}; a letter command needs braces ({\c{c}}).
      const last = out.slice(-1);
      const base = last === 'i' ? '\\i' : last;
      out = out.slice(0, -1) + (/[a-z]/i.test(accent) ? `{\\${accent}{${base}}}` : `{\\${accent}${base}}`);
    } else out += LETTERS[ch] ?? SPECIAL[ch] ?? ch;
  }
  return out;
}

/** A title with words that have capitals after their first letter braced (GELUs → {GELUs}). */
function protectCapitals(title: string): string {
  const needsBraces = (word: string) => /\p{Lu}/u.test(word.replace(/^[^\p{L}\p{N}]+/u, '').slice(1));
  return title
    .split(/(\s+)/)
    .map((word) => (needsBraces(word) ? braceWord(word) : bibtexEscape(word)))
    .join('');
}

/** `(GELUs)` → `({GELUs})`: braces around the word, not its punctuation. */
function braceWord(word: string): string {
  const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word)!;
  return `${bibtexEscape(m[1]!)}{${bibtexEscape(m[2]!)}}${bibtexEscape(m[3]!)}`;
}

/** The BibTeX entry for a citation. */
export function bibtex(c: Citation): string {
  const type = bibtexType(c);
  const fields: [string, string][] = [
    ['author', c.authors.map(bibtexEscape).join(' and ')],
    ['title', protectCapitals(c.title)],
    ['year', String(c.year)],
  ];
  const venue = bibtexEscape(c.venue);
  if (type === 'article') fields.push(['journal', venue]);
  else if (type === 'inproceedings' || type === 'incollection') fields.push(['booktitle', venue]);
  else if (type === 'techreport') {
    const m = /technical report\s+([^,]+),\s*(.*)$/i.exec(c.venue);
    if (m) fields.push(['number', bibtexEscape(m[1]!)], ['institution', bibtexEscape(m[2]!)]);
    else fields.push(['institution', venue]);
  } else if (c.arxiv) fields.push(['howpublished', `arXiv preprint arXiv:${bibtexEscape(c.arxiv)}`]);
  else fields.push(['note', venue]);
  // Identifiers stay as they are (link packages read them verbatim); they hold no braces.
  if (c.arxiv) fields.push(['eprint', c.arxiv.replace(/[{}\\]/g, '')], ['archivePrefix', 'arXiv']);
  if (c.doi) fields.push(['doi', c.doi.replace(/[{}\\]/g, '')]);
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}}`).join(',\n');
  return `@${type}{${c.key},\n${body}\n}\n`;
}
