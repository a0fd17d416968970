/**
 * Where each of the dashboard's figures leads: the list it counts, filtered to it, where the API
 * can filter so and the user may open it. Members can be listed by the attention queue (those
 * waiting for review) or searched, not by payment state: those figures are shown alone.
 */
type Target = { to: string; search?: object } | undefined;

export function dashboardLinks(administrator: boolean) {
  const forAdministrators = (target: Target): Target => (administrator ? target : undefined);
  return {
    members: (state: string | null): Target => (state === 'waiting_review' ? { to: '/members' } : undefined),
    payments: (_since: string): Target => undefined,
    requests: (status: string): Target => ({ to: '/requests', search: { status: [status] } }),
    webhooks: (): Target => forAdministrators({ to: '/webhooks' }),
    deadLetters: (): Target => forAdministrators({ to: '/webhooks/dead-letters' }),
  };
}
