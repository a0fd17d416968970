import { hryvniasOf } from '@kasa/contracts';

export interface UnusualAmount {
  granted: number;
  usual_max: number;
  note: string;
}

/** Fewer granted requests than this on a program tell nothing of what is usual on it. */
export const MIN_PROGRAM_HISTORY = 20;
/** What is usual: the amount this share of the program's granted amounts do not exceed. */
export const USUAL_SHARE = 0.95;

/** What a granted amount is compared with: the member's program's history, or the fund's setting. */
export type UsualBasis = { kind: 'program'; max: number; count: number } | { kind: 'fund'; max: number };

/** The program's history when it is long enough to tell, the fund's usual most otherwise. */
export function usualBasis(onProgram: { amount: number; count: number } | null, fundMax: number): UsualBasis {
  return onProgram !== null && onProgram.count >= MIN_PROGRAM_HISTORY
    ? { kind: 'program', max: onProgram.amount, count: onProgram.count }
    : { kind: 'fund', max: fundMax };
}

const uah = (kopiyky: number) => `${hryvniasOf(kopiyky).toFixed(2)} UAH`;

/** A granted amount (kopiyky) above what is usual is pointed out to the reviewer, with why. */
export function unusualAmount(granted: number | null, basis: UsualBasis): UnusualAmount | null {
  if (granted === null || granted <= basis.max) return null;
  const note =
    basis.kind === 'program'
      ? `The granted ${uah(granted)} is above what is usual on the member's program: ` +
        `${Math.round(USUAL_SHARE * 100)}% of the ${basis.count} amounts granted on it are at most ${uah(basis.max)}`
      : `The granted ${uah(granted)} is above the usual most of ${uah(basis.max)}`;
  return { granted, usual_max: basis.max, note };
}
