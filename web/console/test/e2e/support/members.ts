import assert from 'node:assert/strict';
import { claimsFor, signToken } from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { clientsOf, file } from '../../../../../services/mobile-gateway/test/support/clients.ts';
import {
  profileForm,
  whenMemberReady,
} from '../../../../../services/mobile-gateway/test/support/whole-kasa.ts';
import type { consoleUnderTest } from './console-under-test.ts';

/**
 * The mobile and admin gateways' clients for a console under test (the admin one as the first
 * administrator), and a way to make an approved member through them.
 */
export function membersOf(kasa: ReturnType<typeof consoleUnderTest>) {
  const clients = clientsOf(
    () => kasa.kasa(),
    () => signToken(kasa.kasa().keys.privateKey, claimsFor({ sub: '1', aud: 'staff', role: 'admin' })),
  );
  const { mobile, admin, signUp } = clients;

  /**
   * A member signed up through the app who sent their profile with three documents (the INN
   * scan given, or a PDF) on a new 300 ₴ program, awaiting approval.
   */
  async function memberAwaitingApproval(
    phone: string,
    inn: Buffer = pdf(),
  ): Promise<{ token: string; memberId: number }> {
    const terms = new FormData();
    terms.append('program_name', 'Базова');
    terms.append('month_price', '300');
    terms.append('is_active', 'true');
    terms.append('new_program_file', file(pdf(), 'terms.pdf', 'application/pdf'));
    const program = await admin('PUT', '/program', terms);
    assert.equal(program.status, 200, JSON.stringify(program.body));
    const token = await signUp(phone);
    const form = profileForm(program.body.data.id, {
      inn: file(inn, 'inn.pdf', 'application/pdf'),
      id_1: file(jpeg(), 'front.jpg', 'image/jpeg'),
      id_2: file(png(), 'back.png', 'image/png'),
    });
    const sent = await whenMemberReady(() => mobile('POST', '/user/profile/create', form, token));
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const memberId: number = (await mobile('GET', '/user/session', undefined, token)).body.member_id;
    return { token, memberId };
  }

  /** A member awaiting approval, then given a certificate and approved. */
  async function approvedMember(
    phone: string,
  ): Promise<{ token: string; memberId: number; certificate: string }> {
    const { token, memberId } = await memberAwaitingApproval(phone);
    const certificate: string = (await admin('GET', '/member/generate_certificate')).body.data;
    const approved = await admin('PUT', '/member', { id: memberId, certificate, is_submited: true });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    return { token, memberId, certificate };
  }

  return { ...clients, memberAwaitingApproval, approvedMember };
}
