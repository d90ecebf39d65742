/** Small helpers for writing catalog entries: parameter definitions and kinks. */
import type { ChoiceParamDef, Kink, NumberParamDef } from './types.js';

export function numberParam(
  name: string,
  defaultValue: number,
  description: string,
  range: Omit<NumberParamDef, 'name' | 'kind' | 'default' | 'description'> = {},
): NumberParamDef {
  return { name, kind: 'number', default: defaultValue, description, ...range };
}

export function choiceParam(
  name: string,
  defaultValue: string,
  choices: readonly string[],
  description: string,
): ChoiceParamDef {
  return { name, kind: 'choice', default: defaultValue, choices, description };
}

/** A corner of a continuous function: f′ jumps from `left` to `right`; the catalog returns `dy` at x. */
export function corner(x: number, left: number, right: number, dy: number): Kink {
  return { x, left, right, dy, jump: false };
}

/** A discontinuity of f itself (Hardshrink, Threshold). */
export function jump(x: number, left: number, right: number, dy: number): Kink {
  return { x, left, right, dy, jump: true };
}

export const noKinks = (): readonly Kink[] => [];
