/**
 * Members signed in to the old system keep their tokens across the switch-over, each a session
 * of its own in Kasa, ended as Kasa's sessions are. All of them were issued before the switch
 * (the old system is frozen first), so ending every session of a member (a block, a new phone)
 * ends every seed token of theirs too, those Kasa has not seen yet included.
 */
export interface SeedTokenAccount {
  id: number;
  blocked: boolean;
  seedSessionsEndedAt: Date | null;
}

/** The session a seed token began here before, if it did. */
export interface SeedTokenSession {
  subjectKind: 'member' | 'staff';
  subjectId: number;
  revokedAt: Date | null;
}

export type SeedSessionRefusal = 'blocked' | 'sessions ended' | 'signed out' | 'not theirs';

/** Why a valid seed token of this member's may not go on; null when it may. */
export function seedSessionRefusal(
  account: SeedTokenAccount,
  session: SeedTokenSession | undefined,
): SeedSessionRefusal | null {
  if (account.blocked) return 'blocked';
  if (account.seedSessionsEndedAt !== null) return 'sessions ended';
  if (session && (session.subjectKind !== 'member' || session.subjectId !== account.id)) return 'not theirs';
  if (session?.revokedAt) return 'signed out';
  return null;
}
