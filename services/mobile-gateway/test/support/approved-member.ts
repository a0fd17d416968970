import assert from 'node:assert/strict';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { type clientsOf, file } from './clients.ts';

type Clients = ReturnType<typeof clientsOf>;

/**
 * A member signed up by SMS, with a profile and documents, on a new program of `monthPrice`
 * hryvnias a month, approved by an administrator: their token.
 */
export function approvedMemberOf(
  mobile: Clients['mobile'],
  admin: Clients['admin'],
  signUp: Clients['signUp'],
) {
  return async function approvedMember(phone: string, monthPrice: string): Promise<string> {
    const terms = new FormData();
    terms.append('program_name', `Програма ${phone}`);
    terms.append('month_price', monthPrice);
    terms.append('is_active', 'true');
    terms.append('new_program_file', file(pdf(), 'terms.pdf', 'application/pdf'));
    const created = await admin('PUT', '/program', terms);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const program = created.body.data;
    const token = await signUp(phone);
    const form = new FormData();
    for (const [name, value] of Object.entries({
      first_name: 'Олена',
      last_name: 'Коваль',
      email: 'olena@example.org',
      program_id: String(program.program_id),
      iban: 'UA213223130000026007233566001',
    })) {
      form.append(name, value);
    }
    form.append('inn', file(pdf(), 'inn.pdf', 'application/pdf'));
    form.append('id_1', file(jpeg(), 'front.jpg', 'image/jpeg'));
    form.append('id_2', file(png(), 'back.png', 'image/png'));
    assert.equal((await mobile('POST', '/user/profile/create', form, token)).status, 200);
    const memberId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub;
    const certificate = (await admin('GET', '/member/generate_certificate')).body.data;
    const approved = await admin('PUT', '/member', { id: Number(memberId), certificate, is_submited: true });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    return token;
  };
}
