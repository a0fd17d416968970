import {
  ContributionTotals,
  DeliveryHealth,
  hryvniasOf,
  MemberCounts,
  RequestCounts,
  seedDateOfCalendarDate,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { staffOnly } from '../access.ts';

const Count = Type.Integer({ minimum: 0 });
const Hryvnias = Type.Number({ description: 'UAH, two decimals at most' });
const SiteDay = Type.String({ description: 'dd.mm.yyyy (Kyiv)' });

const Contributions = Type.Object({
  count: Count,
  sum: Hryvnias,
  /** The day (today) or the first day of the period (this month). */
  since: SiteDay,
});

const ContributionDay = Type.Object({ day: SiteDay, count: Count, sum: Hryvnias });

const Dashboard = Type.Object({
  status: Type.Literal('success'),
  data: Type.Object({
    members: MemberCounts,
    contributions: Type.Object({
      today: Contributions,
      month: Contributions,
      days: Type.Array(ContributionDay, {
        description: 'Each of the last 30 Kyiv days, today last; days without contributions as zeros',
      }),
    }),
    requests: RequestCounts,
    deliveries: DeliveryHealth,
    as_of: Type.String({ format: 'date-time' }),
  }),
});

/** The figures staff see first: each service counts its own, the gateway puts them side by side. */
export function dashboardRoutes(app: HttpApp, { services }: GatewayContext): void {
  app.get(
    '/dashboard',
    {
      ...staffOnly,
      schema: {
        tags: ['dashboard'],
        security: bearerSecurity,
        summary:
          'Members by state, contributions today and this month, requests by status, failing deliveries',
        description:
          "Days are Kyiv's: 'today' starts at midnight in Kyiv. A member counts in one state: blocked; " +
          'signed up without a profile; waiting for review; or, once approved, active (paid up to today or ' +
          'later), lapsed, or never paid. Contribution sums net reversing entries. Deliveries are outbound ' +
          'webhooks failing and waiting to retry, or dead until an administrator replays them.',
        response: { 200: Dashboard },
      },
    },
    async (request): Promise<Static<typeof Dashboard>> => {
      const caller = asCaller(request);
      const [members, totals, requests, deliveries] = await Promise.all([
        services.member.request({
          method: 'GET',
          path: '/staff/members/counts',
          ...caller,
          response: MemberCounts,
        }),
        services.payment.request({
          method: 'GET',
          path: '/staff/payments/totals',
          ...caller,
          response: ContributionTotals,
        }),
        services.request.request({
          method: 'GET',
          path: '/staff/requests/counts',
          ...caller,
          response: RequestCounts,
        }),
        services.notification.request({
          method: 'GET',
          path: '/staff/webhooks/health',
          ...caller,
          response: DeliveryHealth,
        }),
      ]);
      return {
        status: 'success',
        data: {
          members,
          contributions: {
            today: {
              count: totals.today_count,
              sum: hryvniasOf(totals.today_sum),
              since: seedDateOfCalendarDate(totals.today),
            },
            month: {
              count: totals.month_count,
              sum: hryvniasOf(totals.month_sum),
              since: seedDateOfCalendarDate(totals.month_start),
            },
            days: totals.days.map(({ day, count, sum }) => ({
              day: seedDateOfCalendarDate(day),
              count,
              sum: hryvniasOf(sum),
            })),
          },
          requests,
          deliveries,
          as_of: new Date().toISOString(),
        },
      };
    },
  );
}
