import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { claimsFor, eventually, signToken } from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { type Answer, clientsOf, file } from './clients.ts';
import { type KasaUnderTest, type StoredData, startKasa } from './kasa-under-test.ts';

/**
 * A member's call made once the member service has opened their profile: it does so from
 * auth's sign-up event, a moment after the first sign-in, and answers 409 `member_not_ready`
 * until then, so the call is repeated until it has.
 */
export function whenMemberReady(call: () => Promise<Answer>): Promise<Answer> {
  return eventually(
    async () => {
      const answer = await call();
      return answer.headers.get('x-error-code') === 'member_not_ready' ? null : answer;
    },
    { timeoutMs: 10_000, message: 'the member profile opened' },
  );
}

export interface ApprovedMember {
  token: string;
  memberId: number;
  certificate: string;
}

/**
 * The whole of Kasa for this test file (every service, both gateways, a local LiqPay, and with
 * `withDiia` a local Diia), started before its tests and stopped after them, with clients for
 * both gateways (the admin one as an administrator) and a way to make an approved member.
 */
export function wholeKasa({
  withDiia = false,
  authEnv = {} as Record<string, string>,
  mobileEnv = {} as Record<string, string>,
  onData = undefined as (() => Promise<StoredData>) | undefined,
} = {}) {
  let kasa: KasaUnderTest;
  let adminToken: string;
  before(async () => {
    kasa = await startKasa({
      withMembers: true,
      withStaff: true,
      withPayments: true,
      withDiia,
      authEnv,
      mobileEnv,
      ...(onData ? { onData: await onData() } : {}),
    });
    adminToken = signToken(kasa.keys.privateKey, claimsFor({ sub: '1', aud: 'staff', role: 'admin' }));
  });
  after(() => kasa?.stop());
  const { mobile, admin, signUp } = clientsOf(
    () => kasa,
    () => adminToken,
  );

  /** A new active program with its terms, as an administrator makes one: its id. */
  async function newProgram(name: string, monthPrice: string): Promise<number> {
    const terms = new FormData();
    terms.append('program_name', name);
    terms.append('month_price', monthPrice);
    terms.append('is_active', 'true');
    terms.append('new_program_file', file(pdf(), 'terms.pdf', 'application/pdf'));
    const created = await admin('PUT', '/program', terms);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    return created.body.data.id;
  }

  /**
   * A member signed up by SMS, with a profile and documents, on a new program of `monthPrice`
   * hryvnias a month, given a certificate and approved by an administrator.
   */
  async function approvedMember(phone: string, monthPrice: string): Promise<ApprovedMember> {
    const programId = await newProgram(`Програма ${phone}`, monthPrice);
    const token = await signUp(phone);
    const form = profileForm(programId, {
      inn: file(pdf(), 'inn.pdf', 'application/pdf'),
      id_1: file(jpeg(), 'front.jpg', 'image/jpeg'),
      id_2: file(png(), 'back.png', 'image/png'),
    });
    const sent = await whenMemberReady(() => mobile('POST', '/user/profile/create', form, token));
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const memberId = Number(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub);
    const certificate: string = (await admin('GET', '/member/generate_certificate')).body.data;
    const approved = await admin('PUT', '/member', { id: memberId, certificate, is_submited: true });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    return { token, memberId, certificate };
  }

  return { kasa: () => kasa, mobile, admin, signUp, newProgram, approvedMember };
}

/** The profile form the app sends (`/user/profile/create`), on `programId`, with these documents. */
export function profileForm(programId: number, documents: Record<string, File>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    first_name: 'Олена',
    last_name: 'Коваль',
    email: 'olena@example.org',
    program_id: String(programId),
    iban: 'UA213223130000026007233566001',
  })) {
    form.append(name, value);
  }
  for (const [name, document] of Object.entries(documents)) form.append(name, document);
  return form;
}
