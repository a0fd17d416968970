export type StaffRole = 'admin' | 'staff';

export interface StaffAccount {
  id: number;
  role: StaffRole;
  isActive: boolean;
}

/** What can take administration away from an account. */
export type AccountLoss = 'delete' | 'block' | 'demote';

const OWN: Record<AccountLoss, string> = {
  delete: 'You cannot delete your own account',
  block: 'You cannot block your own account',
  demote: 'You cannot take away your own administrator role',
};

const LAST_ADMIN: Record<AccountLoss, string> = {
  delete: 'The last active administrator cannot be deleted',
  block: 'The last active administrator cannot be blocked',
  demote: 'The last active administrator cannot lose the administrator role',
};

/** How an edit can cost an account its administration, if it does. */
export function lossesOf(
  target: StaffAccount,
  change: { role?: StaffRole | undefined; isActive?: boolean | undefined },
): AccountLoss[] {
  const losses: AccountLoss[] = [];
  if (target.isActive && change.isActive === false) losses.push('block');
  if (target.role === 'admin' && change.role === 'staff') losses.push('demote');
  return losses;
}

/**
 * SPEC §3: the fund must always keep an administrator, so nobody deletes, blocks or demotes
 * the last active one; and nobody does it to themselves (an administrator who wants out asks
 * another). Returns why the change is refused, or null when it may go ahead.
 */
export function refusalOf(
  loss: AccountLoss,
  target: StaffAccount,
  actorId: number,
  activeAdminIds: readonly number[],
): string | null {
  if (target.id === actorId) return OWN[loss];
  const isActiveAdmin = target.role === 'admin' && target.isActive;
  if (isActiveAdmin && !activeAdminIds.some((id) => id !== target.id)) return LAST_ADMIN[loss];
  return null;
}
