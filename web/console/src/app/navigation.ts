import { messages } from '../i18n/messages.ts';
import type { StaffUser } from '../session/session.ts';

export interface NavigationEntry {
  /** The route's path. */
  to: string;
  label: string;
  /** Only administrators see it (the API refuses the rest anyway). */
  adminOnly?: boolean;
}

/**
 * The console's sections, in the order of the sidebar. A section is listed here once its screens
 * do their whole job; what a user may not do is not offered.
 */
export const NAVIGATION: readonly NavigationEntry[] = [
  { to: '/dashboard', label: messages.navigation.dashboard },
  { to: '/requests', label: messages.navigation.requests },
  { to: '/members', label: messages.navigation.members },
  { to: '/audit', label: messages.navigation.audit, adminOnly: true },
  { to: '/webhooks', label: messages.navigation.webhooks, adminOnly: true },
  { to: '/payments', label: messages.navigation.payments },
  { to: '/programs', label: messages.navigation.programs },
  { to: '/staff', label: messages.navigation.staff, adminOnly: true },
  // sections: each screen area adds its entry here
];

export const navigationFor = (user: StaffUser): NavigationEntry[] =>
  NAVIGATION.filter((entry) => !entry.adminOnly || user.role === 'admin');

export const sectionLabels = messages.navigation;
