/** A change of a member's phone: from the number they sign in with to another. */
export interface PhoneChange {
  memberId: number;
  from: string;
  to: string;
}

/**
 * What a proof says once its signature and lifetime are checked (the auth service's, issued when
 * the code it texted to `to` came back right); `invalid` when one was sent that does not hold.
 */
export type PhoneProof = PhoneChange | 'invalid';

export type PhoneChangeCheck = 'allowed' | 'unconfirmed' | 'invalid';

/**
 * A phone is how a member signs in, so it moves to another number only with proof that the member
 * holds that number: a proof for this member, from the phone they have now to this one. Naming
 * the phone it replaces makes a proof work once. Keeping the phone one has needs no proof.
 */
export function checkPhoneChange(change: PhoneChange, proof: PhoneProof | undefined): PhoneChangeCheck {
  if (change.from === change.to) return 'allowed';
  if (proof === undefined) return 'unconfirmed';
  if (proof === 'invalid') return 'invalid';
  const proves = proof.memberId === change.memberId && proof.from === change.from && proof.to === change.to;
  return proves ? 'allowed' : 'invalid';
}
