import { randomUUID } from 'node:crypto';
import { MemberSignedUp, PHONE_CHANGE_PROOF } from '@kasa/contracts';
import { type AnyEvent, eventMessage, newEvent, topologyNames } from '@kasa/messaging';
import { type RunningService, startService } from '@kasa/runtime';
import {
  bearerTokens,
  generateEd25519Keys,
  ISSUER,
  signToken,
  testFileStore,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
} from '@kasa/testing';
import type { MemberDeps } from '../../src/deps.ts';
import { memberService } from '../../src/service.ts';

export interface MemberUnderTest {
  service: RunningService<unknown, MemberDeps>;
  namespace: string;
  /** The environment the service runs with (its schema, broker namespace, files), for a tool beside it. */
  env: Record<string, string>;
  /** The encrypted file store's folder. */
  filesDir: string;
  /** Publishes an event on the bus as another service's relay would. */
  publish(event: AnyEvent): Promise<void>;
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /** `Authorization` header values for a member's or a staff user's access token. */
  memberAuth(memberId: number): string;
  staffAuth(staffId: number, role?: 'admin' | 'staff'): string;
  /**
   * The auth service's proof that `memberId` may move from phone `from` to `phone`, signed with
   * the key the service trusts; `claims` overrides any claim (a proof that must not hold).
   */
  phoneProof(memberId: number, from: string, phone: string, claims?: Record<string, unknown>): string;
  /** A member as auth's sign-up event opens one, waited for until the profile exists. */
  signUp(memberId: number, phone: string): Promise<void>;
  /** Every stored file's name (a rejected upload must leave none). */
  storedFiles(): Promise<string[]>;
  close(): Promise<void>;
}

/** The real member service in this process, on its own schema, broker namespace and file folder. */
export async function startMember(env: Record<string, string> = {}): Promise<MemberUnderTest> {
  const schemas = testSchemaPrefix();
  const namespace = testNamespace();
  const keys = generateEd25519Keys();
  const files = await testFileStore('member');
  const serviceEnv = {
    ...testServiceEnv({ schemaPrefix: schemas.prefix, namespace, publicKeyPem: keys.publicKeyPem }),
    ...files.env,
    ...env,
  };
  const service = await startService(memberService, { env: serviceEnv, listen: false });
  const token = bearerTokens(keys);
  const query = async <T>(sql: string, values: unknown[] = []) => {
    const [rows] = await service.context.database.pool.query(sql, values);
    return rows as T[];
  };
  const publish = async (event: AnyEvent) => {
    await service.context.messaging.publisher.publish([
      eventMessage(topologyNames(namespace).exchange, event),
    ]);
  };
  return {
    service,
    namespace,
    env: serviceEnv,
    filesDir: files.dir,
    publish,
    query,
    memberAuth: (memberId) => token(memberId, 'member', 'member'),
    staffAuth: (staffId, role = 'staff') => token(staffId, 'staff', role),
    phoneProof(memberId, from, phone, claims = {}) {
      const now = Math.floor(Date.now() / 1000);
      return signToken(keys.privateKey, {
        sub: String(memberId),
        purpose: PHONE_CHANGE_PROOF.purpose,
        phone,
        from,
        iss: ISSUER,
        aud: PHONE_CHANGE_PROOF.audience,
        iat: now,
        exp: now + PHONE_CHANGE_PROOF.ttlSeconds,
        jti: randomUUID(),
        ...claims,
      });
    },
    async signUp(memberId, phone) {
      await publish(
        newEvent(MemberSignedUp, { memberId, phone }, { aggregateId: memberId, actor: { kind: 'member' } }),
      );
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const rows = await query('SELECT id FROM members WHERE id = ?', [memberId]);
        if (rows.length > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`member ${memberId} was not opened from the sign-up event`);
    },
    storedFiles: files.storedFiles,
    async close() {
      await service.stop();
      await schemas.drop();
      await files.remove();
    },
  };
}
