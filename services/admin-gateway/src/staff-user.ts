import { TokenPair } from '@kasa/contracts';

export { StaffRole, StaffUser } from '@kasa/contracts';

/** The token fields, to spread into answers that carry them beside other data. */
export const Tokens = TokenPair.properties;
