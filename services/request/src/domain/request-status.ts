import type { RequestStatus as RequestStatusSchema } from '@kasa/contracts';
import type { Static } from 'typebox';

export type RequestStatus = Static<typeof RequestStatusSchema>;

/** Every status, in the order a request usually goes through them. */
export const REQUEST_STATUSES = ['opened', 'awaiting_agent', 'awaiting_client', 'closed'] as const;

/** What someone does to a request. */
export type RequestAction =
  /** The member writes in the conversation. */
  | { kind: 'member_message' }
  /** Staff write in the conversation; an internal note is for staff alone. */
  | { kind: 'staff_message'; internal: boolean }
  /** The member attaches more receipts. */
  | { kind: 'member_files' }
  /** Staff change the diagnosis, the granted amount or the request's text. */
  | { kind: 'assess' }
  | { kind: 'close' }
  | { kind: 'reopen' };

export type Transition =
  /** Allowed: the request is `to` afterwards (the same status when it does not change). */
  | { ok: true; to: RequestStatus }
  /** Refused: the message says why, in words for whoever tried. */
  | { ok: false; code: string; message: string };

const refused = (code: string, message: string): Transition => ({ ok: false, code, message });
const to = (status: RequestStatus): Transition => ({ ok: true, to: status });

/**
 * The one place the statuses change (SPEC): a member's word puts the request on staff
 * (`awaiting_agent`), staff's on the member (`awaiting_client`); a closed request takes
 * nothing but internal notes until staff reopen it.
 */
export function nextStatus(from: RequestStatus, action: RequestAction): Transition {
  const closed = from === 'closed';
  switch (action.kind) {
    case 'member_message':
      return closed ? refused('request_closed', 'This request is closed') : to('awaiting_agent');
    case 'staff_message':
      if (action.internal) return to(from);
      return closed ? refused('request_closed', 'This request is closed') : to('awaiting_client');
    case 'member_files':
      if (closed) return refused('request_closed', 'This request is closed');
      return to(from === 'awaiting_client' ? 'awaiting_agent' : from);
    case 'assess':
      return closed ? refused('request_closed', 'Reopen the request to change it') : to(from);
    case 'close':
      return closed ? refused('request_already_closed', 'This request is already closed') : to('closed');
    case 'reopen':
      return closed ? to('awaiting_agent') : refused('request_not_closed', 'This request is not closed');
  }
}
