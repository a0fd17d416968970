import { openServiceDatabase } from '@kasa/runtime';
import type { OpenServiceImport, SeedRow } from '@kasa/seed-import';
import { paymentService } from '../service.ts';
import { paymentChangesSince } from './changes-since.ts';
import { writeGrants } from './import-grants.ts';
import { writePayments } from './import-payments.ts';
import type { SeedKeys } from './seed-payment.ts';
import { SeedPaymentKinds } from './seed-payment-kinds.ts';
import { verifyPayments } from './verify-payments.ts';

/**
 * The payment service's part of the switch-over: every payment of the seed with its id, kind,
 * amount in kopiyky, order id and day (seed-payment.ts says by which rules), and what staff
 * granted for each request, which payouts from now on are held to. Its read models come from
 * the rows themselves: the member's contributions, the register and the day's totals are
 * queries over `payments`, and the grants are written here; no event is emitted, so nothing
 * downstream hears of the past (the member service brings each member's paid-until over
 * itself). The first two steps only read: the seed's payment types, and its members, so that a
 * payment of a member no longer there is reported (and still comes over). A switch back takes
 * the other way (changes-since.ts): the money that moved in Kasa, into the old `payments`.
 */
export const openSeedImport: OpenServiceImport = async (env) => {
  const database = await openServiceDatabase(paymentService, env);
  const runStartedAt = new Date();
  const kinds = new SeedPaymentKinds();
  const members = new Set<number>();
  const requests = new Set<number>();
  const keys: SeedKeys = {
    memberKnown: (id) => members.has(id),
    requestKnown: (id) => requests.has(id),
  };
  const learn = (into: Set<number>) => async (_tx: unknown, rows: readonly SeedRow[]) => {
    for (const row of rows) into.add(Number(row.id));
    return 0;
  };
  return {
    service: 'payment',
    database,
    steps: [
      {
        name: 'payment types (read)',
        table: 'payment_types',
        write: async (_tx, rows) => {
          for (const row of rows) kinds.learn(row);
          return 0;
        },
      },
      { name: 'members (read, for orphans)', table: 'members', write: learn(members) },
      {
        name: 'request grants',
        table: 'requests',
        write: async (tx, rows, context) => {
          await learn(requests)(tx, rows);
          return writeGrants(tx, rows, context, runStartedAt);
        },
      },
      {
        name: 'payments',
        table: 'payments',
        write: (tx, rows, context) => writePayments(tx, rows, context, kinds, keys, runStartedAt),
      },
    ],
    keptIds: [{ table: 'payments', seedTable: 'payments' }],
    verify: (context) => verifyPayments(database, context),
    changesSince: (context) => paymentChangesSince(database, context),
    close: () => database.close(),
  };
};
