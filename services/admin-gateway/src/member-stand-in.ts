import { httpDateOf, type SeedMemberRow } from '@kasa/contracts';

/**
 * The member row of a payment or request whose member the member service has no record of: the
 * old system's rows point at members deleted long ago, and the switch-over brings such money and
 * history over as it was (never dropped). The row keeps the id the record names and says nothing
 * else; its times are the record's own. The seed's `model_to_dict` failed on them (500).
 */
export function memberRowOrStandIn(
  members: ReadonlyMap<number, SeedMemberRow>,
  id: number,
  /** When the payment or request was recorded (ISO): the stand-in's times. */
  recordedAt: string,
): SeedMemberRow {
  const known = members.get(id);
  if (known) return known;
  const at = httpDateOf(recordedAt);
  return {
    id,
    first_name: null,
    middle_name: null,
    last_name: null,
    phone: '',
    email: null,
    birth_date: null,
    passport_data: null,
    inn: null,
    actual_iban: null,
    photo: null,
    diia_answer: null,
    created_at: at,
    updated_at: at,
    certificate: null,
    expiration_date: null,
    has_new_request: 0,
    is_active: false,
    is_submited: false,
    has_new_program_change: false,
    has_new_passport_data: false,
  };
}
