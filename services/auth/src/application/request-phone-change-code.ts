import { forbidden, unprocessable } from '@kasa/http';
import type { UnitOfWork } from '@kasa/messaging';
import { findAccount, findAccountByPhone, lockPhone } from '../db/sign-in.repository.ts';
import { type SendCodeDeps, sendCode } from './send-code.ts';

export interface PhoneChangeCodeRequest {
  memberId: number;
  /** The new phone, checked as a number codes go to. */
  phone: string;
  /** The client's address, as the gateway saw it. */
  address: string;
}

/**
 * A signed-in member asks for a code to the phone they want to move to. It goes out as a sign-in
 * code does, counted in the same limits; no code goes to a phone that is another member's (the
 * seed's 422 for it) or that is the member's already (nothing to prove).
 */
export async function requestPhoneChangeCode(
  deps: SendCodeDeps & { unitOfWork: UnitOfWork },
  { memberId, phone, address }: PhoneChangeCodeRequest,
): Promise<void> {
  await deps.unitOfWork.run(async (work) => {
    await lockPhone(work.tx, phone);
    const account = await findAccount(work.tx, memberId);
    if (!account || account.blocked)
      throw forbidden('This account is blocked; please contact the fund', 'account_blocked');
    if (account.phone === phone) throw unprocessable('This is your phone number already', 'phone_unchanged');
    if (await findAccountByPhone(work.tx, phone))
      throw unprocessable('Can not assign this phone number', 'phone_taken');
    await sendCode(deps, work, {
      phone,
      address,
      purpose: 'phone_change',
      memberId,
      createAccount: false,
    });
  });
}
