/**
 * BibTeX from the catalog's citations, read back by an independent parser (the `bibtex` package):
 * every entry parses, its type follows the venue, and its fields decode to the citation's text.
 */
import { parseBibFile, normalizeFieldValue } from 'bibtex';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import type { Citation } from '../../src/math/types.js';
import { bibtex, bibtexEscape, bibtexType, citationLine } from '../../src/report/citation.js';

/** The few LaTeX commands our escaping writes, decoded (the parser leaves them as they are). */
function decodeLatex(s: string): string {
  const marks: Record<string, string> = {
    "'": '\u0301',
    '`': '\u0300',
    '"': '\u0308',
    '^': '\u0302',
    '~': '\u0303',
    c: '\u0327',
    v: '\u030C',
  };
  return s
    .replace(/\\textbackslash(\{\})?/g, '\\')
    .replace(/\\([%&$#_{}])/g, '$1')
    .replace(/\\(['`"^~]|[cv])\{?\\?([A-Za-z])\}?/g, (_, m: string, l: string) => l + marks[m]!)
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/[{}]/g, '')
    .normalize('NFC');
}

const cited = catalog.filter((e) => e.citation).map((e) => e.citation!);
const unique = [...new Map(cited.map((c) => [c.key, c])).values()];

describe('BibTeX', () => {
  it('every catalog citation parses, with its key, type, title, authors and year', () => {
    const text = unique.map(bibtex).join('\n');
    const bib = parseBibFile(text);
    expect(Object.keys(bib.entries$).sort()).toEqual(unique.map((c) => c.key.toLowerCase()).sort());
    for (const c of unique) {
      const e = bib.getEntry(c.key)!;
      expect(e.type, c.key).toBe(bibtexType(c));
      expect(decodeLatex(String(normalizeFieldValue(e.getField('title')))), c.key).toBe(c.title.normalize('NFC'));
      expect(String(normalizeFieldValue(e.getField('year')))).toBe(String(c.year));
      const authors = e
        .getAuthors()!
        .authors$.map((a) => decodeLatex(`${a.lastNames.join(' ')}, ${a.firstNames.join(' ')}`.trim()));
      expect(authors, c.key).toEqual(c.authors.map((a) => a.normalize('NFC')));
      if (c.arxiv) expect(String(normalizeFieldValue(e.getField('eprint')))).toBe(c.arxiv);
      if (c.doi) expect(String(normalizeFieldValue(e.getField('doi')))).toBe(c.doi);
    }
  });

  it('entry types by venue', () => {
    const c = (venue: string): Citation => ({ key: 'k', authors: ['A, B'], year: 2000, title: 'T', venue });
    expect(bibtexType(c('arXiv preprint'))).toBe('misc');
    expect(bibtexType(c('International Conference on Machine Learning (ICML)'))).toBe('inproceedings');
    expect(bibtexType(c('Advances in Neural Information Processing Systems (NeurIPS)'))).toBe('inproceedings');
    expect(bibtexType(c('Neural Networks'))).toBe('article');
    expect(bibtexType(c('IEEE Transactions on Information Theory'))).toBe('article');
    expect(bibtexType(c('Technical Report 1337, DIRO, Université de Montréal'))).toBe('techreport');
    expect(bibtexType(c('Neural Networks: Tricks of the Trade, Lecture Notes in Computer Science 1524'))).toBe(
      'incollection',
    );
  });

  it('escapes specials and accents, keeps braces balanced, protects capitals', () => {
    expect(bibtexEscape('Montréal & co_2 {x} 50% $#~^\\')).toBe(
      "Montr{\\'e}al \\& co\\_2 \\{x\\} 50\\% \\$\\#\\textasciitilde{}\\textasciicircum{}\\textbackslash{}",
    );
    expect(bibtexEscape('Çağlar Gülçehre, Øyvind Łukasz')).toBe(
      '{\\c{C}}a{\\u{g}}lar G{\\"u}l{\\c{c}}ehre, {\\O}yvind {\\L}ukasz',
    );
    const nasty: Citation = {
      key: 'x2020y',
      authors: ['Née, Zoë {Q}'],
      year: 2020,
      title: 'On {Braces} & 100% of ReLUs',
      venue: 'Journal of $ and #',
    };
    const text = bibtex(nasty);
    const e = parseBibFile(text).getEntry('x2020y')!;
    // The parser drops braces but keeps the backslash of an escaped one.
    expect(decodeLatex(String(normalizeFieldValue(e.getField('title')))).replace(/\\/g, '')).toBe(
      'On Braces & 100% of ReLUs',
    );
    expect(text).toContain('On \\{Braces\\} \\& 100\\% of {ReLUs}');
    expect(e.type).toBe('article');
  });

  it('a one-line citation for people', () => {
    const gelu = catalog.find((e) => e.name === 'GELU')!.citation!;
    expect(citationLine(gelu)).toBe(
      'Hendrycks, D. & Gimpel, K. (2016). Gaussian Error Linear Units (GELUs). arXiv preprint, arXiv:1606.08415.',
    );
  });
});
