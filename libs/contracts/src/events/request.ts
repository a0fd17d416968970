import { Type } from 'typebox';
import { defineEvent } from '../define-event.ts';
import { Id, Money } from './fields.ts';

export const RequestStatus = Type.Union([
  Type.Literal('opened'),
  Type.Literal('awaiting_agent'),
  Type.Literal('awaiting_client'),
  Type.Literal('closed'),
]);

const RequestRef = { requestId: Id, memberId: Id };

/** A request is `opened` at status version 1 (see `request.status_changed`). */
export const RequestOpened = defineEvent(
  'request.opened',
  1,
  Type.Object({ ...RequestRef, fileCount: Type.Integer({ minimum: 0 }) }),
);
export const RequestFilesAdded = defineEvent(
  'request.files_added',
  1,
  Type.Object({ ...RequestRef, fileCount: Type.Integer({ minimum: 1 }) }),
);
export const RequestMessagePosted = defineEvent(
  'request.message_posted',
  1,
  Type.Object({
    ...RequestRef,
    messageId: Id,
    author: Type.Union([Type.Literal('member'), Type.Literal('staff')]),
    internal: Type.Boolean(),
  }),
);
export const RequestStatusChanged = defineEvent(
  'request.status_changed',
  1,
  Type.Object({
    ...RequestRef,
    from: RequestStatus,
    to: RequestStatus,
    /**
     * The request's status version after the change: 2 for the first change, one more each
     * time. Consumers apply a change only over an older version, as events may arrive out of order.
     */
    version: Type.Integer({ minimum: 2 }),
  }),
);
export const RequestAssessed = defineEvent(
  'request.assessed',
  1,
  Type.Object({
    ...RequestRef,
    grantedAmount: Type.Union([Money, Type.Null()]),
    diagnosisSet: Type.Boolean(),
  }),
);
