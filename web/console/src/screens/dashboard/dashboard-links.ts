import { dayOfTyped } from '../../format/format.ts';

type Target = { to: string; search?: object } | undefined;

/** The register's confirmed contributions (type 1) from a day the dashboard shows (`dd.mm.yyyy`). */
function contributionsSince(shownDay: string): Target {
  const from = dayOfTyped(shownDay);
  return from ? { to: '/payments', search: { types: [1], states: ['confirmed'], from } } : undefined;
}

/**
 * Where each of the dashboard's figures leads: the list it counts, filtered to it, where the API
 * can filter so and the user may open it. Members can be listed by the attention queue (those
 * waiting for review) or searched, not by payment state: those figures are shown alone.
 */
export function dashboardLinks(administrator: boolean) {
  const forAdministrators = (target: Target): Target => (administrator ? target : undefined);
  return {
    members: (state: string | null): Target => (state === 'waiting_review' ? { to: '/members' } : undefined),
    payments: contributionsSince,
    requests: (status: string): Target => ({ to: '/requests', search: { status: [status] } }),
    webhooks: (): Target => forAdministrators({ to: '/webhooks' }),
    deadLetters: (): Target => forAdministrators({ to: '/webhooks/dead-letters' }),
  };
}
