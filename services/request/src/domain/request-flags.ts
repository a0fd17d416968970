import { hryvniasOf } from '@kasa/contracts';

export interface UnusualAmount {
  granted: number;
  usual_max: number;
  note: string;
}

/** A granted amount (kopiyky) above the fund's usual most is pointed out to the reviewer. */
export function unusualAmount(granted: number | null, usualMax: number): UnusualAmount | null {
  if (granted === null || granted <= usualMax) return null;
  return {
    granted,
    usual_max: usualMax,
    note: `The granted ${hryvniasOf(granted).toFixed(2)} UAH is above the usual most of ${hryvniasOf(usualMax).toFixed(2)} UAH`,
  };
}
