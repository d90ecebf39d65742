/**
 * Colors: the light theme follows the article's matplotlib figures (white, black text and thin
 * black spines, a very light grid, a framed legend); the dark theme is its negative. Series
 * colors are matplotlib's tab10 cycle, in order, for both.
 */
import type { ThemeName } from './model.js';
import type { Color } from './scene.js';

export interface Theme {
  readonly background: Color;
  readonly text: Color;
  readonly spine: Color;
  readonly tick: Color;
  readonly grid: Color;
  readonly legendFill: Color;
  readonly legendStroke: Color;
}

/** matplotlib's tab10: f is the first, f′ the second, further series follow. */
export const TAB10: readonly Color[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: {
    background: '#ffffff',
    text: '#000000',
    spine: '#000000',
    tick: '#000000',
    grid: '#e6e6e6',
    legendFill: '#ffffffcc',
    legendStroke: '#cccccc',
  },
  dark: {
    background: '#1a1a1a',
    text: '#e8e8e8',
    spine: '#d9d9d9',
    tick: '#d9d9d9',
    grid: '#333333',
    legendFill: '#1a1a1acc',
    legendStroke: '#555555',
  },
};

/**
 * tab10 for the dark theme: each color mixed with white, in 1 % steps, until a thin line of it
 * has at least 4.5:1 contrast (WCAG) against the dark background #1a1a1a (tab10 blue has 3.6:1,
 * red 3.5:1, brown 2.9:1). Colors that already had it are unchanged.
 */
export const TAB10_DARK: readonly Color[] = [
  '#3e8abf',
  '#ff7f0e',
  '#2ca02c',
  '#df5757',
  '#9b72c2',
  '#a47971',
  '#e377c2',
  '#848484',
  '#bcbd22',
  '#17becf',
];

/** The i-th series color, cycling through tab10 (its lighter twin on the dark theme). */
export function seriesColor(i: number, theme: ThemeName = 'light'): Color {
  const palette = theme === 'dark' ? TAB10_DARK : TAB10;
  return palette[i % palette.length]!;
}
