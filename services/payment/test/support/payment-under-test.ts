import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AnyEvent, eventMessage, topologyNames } from '@kasa/messaging';
import { type RunningService, startService } from '@kasa/runtime';
import {
  bearerTokens,
  type FakeLiqPay,
  generateEd25519Keys,
  startFakeLiqPay,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
} from '@kasa/testing';
import { CALLBACK_PATH, type PaymentContext, type PaymentDeps } from '../../src/deps.ts';
import { paymentService } from '../../src/service.ts';

export interface PaymentUnderTest {
  service: RunningService<PaymentContext['settings'], PaymentDeps>;
  liqpay: FakeLiqPay;
  /** PUBLIC_URL: where the stand-in gateway takes LiqPay's callbacks. */
  publicUrl: string;
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
  memberAuth(memberId: number): string;
  /** A staff user's bearer token; `admin` for an administrator. */
  staffAuth(staffId: number, role?: 'staff' | 'admin'): string;
  /** Publishes an event on the bus as another service's relay would. */
  publish(event: AnyEvent): Promise<void>;
  /** Event types in the outbox for a payment, in order. */
  outboxTypes(paymentId: number): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The real payment service in this process, on its own schema and broker namespace, with a
 * fake LiqPay. LiqPay's callbacks reach it as the mobile gateway passes them on: a local
 * server at PUBLIC_URL takes LiqPay's form and posts its `data` and `signature` to the service.
 */
export async function startPayment(env: Record<string, string> = {}): Promise<PaymentUnderTest> {
  const schemas = testSchemaPrefix();
  const namespace = testNamespace();
  const keys = generateEd25519Keys();
  const liqpay = await startFakeLiqPay();
  let service: PaymentUnderTest['service'] | undefined;
  const gateway: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const answer = await service!.app.inject({
        method: 'POST',
        url: '/liqpay/callbacks',
        payload: { data: form.get('data') ?? '', signature: form.get('signature') ?? '' },
      });
      response.writeHead(request.url === CALLBACK_PATH ? answer.statusCode : 404).end(answer.body);
    });
  });
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  const publicUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  service = await startService(paymentService, {
    env: {
      ...testServiceEnv({
        schemaPrefix: schemas.prefix,
        namespace,
        publicKeyPem: keys.publicKeyPem,
      }),
      PUBLIC_URL: publicUrl,
      LIQPAY_PUBLIC_KEY: liqpay.publicKey,
      LIQPAY_PRIVATE_KEY: liqpay.privateKey,
      LIQPAY_API_URL: liqpay.apiUrl,
      ...env,
    },
    listen: false,
  });
  const token = bearerTokens(keys);
  const query = async <T>(sql: string, values: unknown[] = []) => {
    const [rows] = await service!.context.database.pool.query(sql, values);
    return rows as T[];
  };
  return {
    service,
    liqpay,
    publicUrl,
    query,
    memberAuth: (memberId) => token(memberId, 'member', 'member'),
    staffAuth: (staffId, role = 'staff') => token(staffId, 'staff', role),
    async publish(event) {
      await service!.context.messaging.publisher.publish([
        eventMessage(topologyNames(namespace).exchange, event),
      ]);
    },
    async outboxTypes(paymentId) {
      const rows = await query<{ type: string }>(
        'SELECT type FROM outbox WHERE aggregate_id = ? ORDER BY id',
        [String(paymentId)],
      );
      return rows.map(({ type }) => type);
    },
    async close() {
      await service?.stop();
      // LiqPay's callbacks came over kept-alive sockets, which would hold the test process open.
      gateway.closeAllConnections();
      gateway.close();
      await liqpay.close();
      await schemas.drop();
    },
  };
}
