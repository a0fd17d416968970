/** The facts about a member that staff review acts on. */
export interface ReviewState {
  isSubmitted: boolean;
  profileSentAt: Date | null;
  programId: number | null;
  pendingProgramId: number | null;
  hasNewRequest: boolean;
  hasNewProgramChange: boolean;
  hasNewDocuments: boolean;
  hasCorrectionRequest: boolean;
}

/**
 * Staff must look at a member who sent a profile not yet approved, asked for another
 * program, uploaded documents, reported a mistake, or has a request waiting for staff.
 * A member who only signed in and sent nothing has nothing to review yet.
 */
export function needsAttention(member: ReviewState): boolean {
  return (
    (member.profileSentAt !== null && !member.isSubmitted) ||
    member.hasNewProgramChange ||
    member.hasNewDocuments ||
    member.hasCorrectionRequest ||
    member.hasNewRequest
  );
}

export type ApprovalPlan =
  | { ok: false; message: string }
  | {
      ok: true;
      /** The program that becomes current, if it changes. */
      newProgramId: number | null;
      /** Pending documents become current, and the current ones of their types history. */
      promoteDocuments: boolean;
    };

/**
 * Approval makes the member's pending program and pending documents current (SPEC §3).
 * It needs a profile to approve and a program to be on.
 */
export function planApproval(member: ReviewState): ApprovalPlan {
  if (member.profileSentAt === null) return { ok: false, message: 'The member has not sent a profile yet' };
  const programId = member.pendingProgramId ?? member.programId;
  if (programId === null) return { ok: false, message: 'The member has not chosen a program' };
  return {
    ok: true,
    newProgramId:
      member.pendingProgramId !== null && member.pendingProgramId !== member.programId ? programId : null,
    promoteDocuments: member.hasNewDocuments,
  };
}

/**
 * A request waits for staff while it is new or the member wrote last (SPEC §2: `opened`,
 * `awaiting_agent`); then the member has "a new request" on the attention list.
 */
export function waitsForStaff(status: 'opened' | 'awaiting_agent' | 'awaiting_client' | 'closed'): boolean {
  return status === 'opened' || status === 'awaiting_agent';
}
