import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningService, startGateway, startService } from '@kasa/runtime';
import {
  type FakeDiia,
  type FakeLiqPay,
  type FakeTwilio,
  freePort,
  generateEd25519Keys,
  startFakeDiia,
  startFakeLiqPay,
  startFakeTwilio,
  type TestKeys,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
  WEBHOOK_RECEIVER_TARGETS,
} from '@kasa/testing';
import { adminGateway } from '../../../admin-gateway/src/gateway.ts';
import { auditService } from '../../../audit/src/service.ts';
import type { AuthDeps } from '../../../auth/src/deps.ts';
import { authService } from '../../../auth/src/service.ts';
import { memberService } from '../../../member/src/service.ts';
import { notificationService } from '../../../notification/src/service.ts';
import { paymentService } from '../../../payment/src/service.ts';
import { requestService } from '../../../request/src/service.ts';
import { mobileGateway } from '../../src/gateway.ts';

export interface KasaUnderTest {
  keys: TestKeys;
  twilio: FakeTwilio;
  /** Only when started `withPayments`. */
  liqpay: FakeLiqPay | undefined;
  /** Only when started `withDiia`: the member service imports from it and decrypts with the test decryptor. */
  diia: FakeDiia | undefined;
  mobileUrl: string;
  /** The auth service, for a test that makes a staff account as `./kasa create-admin` does. */
  auth: RunningService<unknown, AuthDeps>;
  /** Only when started `withStaff`. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The real processes a flow crosses, in this process, each listening on its own port, on fresh
 * schemas and a broker namespace of their own: auth and notification (SMS to a local Twilio)
 * behind the mobile gateway, and with `withMembers` the member and request services, `withStaff` the admin
 * gateway with the payment and audit services too, `withPayments` the payment service with a local LiqPay that calls the
 * mobile gateway back.
 */
export async function startKasa(options: KasaOptions = {}): Promise<KasaUnderTest> {
  // Ports are chosen before the processes listen on them; another test's socket may take one
  // in between. Everything started is stopped on that failure, so a fresh start is clean.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startKasaOnce(options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 3) throw error;
    }
  }
}

interface KasaOptions {
  withMembers?: boolean;
  withStaff?: boolean;
  withPayments?: boolean;
  withDiia?: boolean;
  /** The auth service's own variables (its sign-in limits, say). */
  authEnv?: Record<string, string>;
  /** The mobile gateway's own variables (the old system's token secret, say). */
  mobileEnv?: Record<string, string>;
  /** The admin gateway's own variables (the console's build, say). */
  adminEnv?: Record<string, string>;
  /**
   * Start on schemas and files already filled (by the switch-over's import, say) rather than
   * fresh ones: the services take these, as `./kasa run`'s do, and whoever filled them drops them.
   */
  onData?: StoredData;
}

/** Schemas under one prefix and one encrypted file folder, as every service of `./kasa run` shares. */
export interface StoredData {
  schemaPrefix: string;
  files: { FILES_DIR: string; FILES_KEY: string };
}

async function startKasaOnce({
  withMembers = false,
  withStaff = false,
  withPayments = false,
  withDiia = false,
  authEnv = {},
  mobileEnv = {},
  adminEnv = {},
  onData,
}: KasaOptions): Promise<KasaUnderTest> {
  const schemas = onData ? { prefix: onData.schemaPrefix, drop: async () => {} } : testSchemaPrefix();
  const keys = generateEd25519Keys();
  const twilio = await startFakeTwilio();
  const liqpay = withPayments ? await startFakeLiqPay() : undefined;
  const diia = withDiia ? await startFakeDiia() : undefined;
  const filesDir = await mkdtemp(join(tmpdir(), 'kasa-flow-files-'));
  const running: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const process of running.reverse()) await process.stop();
    await twilio.close();
    await liqpay?.close();
    await diia?.close();
    await schemas.drop();
    await rm(filesDir, { recursive: true, force: true });
  };
  try {
    const [
      authPort,
      memberPort,
      requestPort,
      paymentPort,
      notificationPort,
      auditPort,
      mobilePort,
      adminPort,
    ] = await Promise.all(Array.from({ length: 8 }, () => freePort()));
    const shared = {
      ...testServiceEnv({
        schemaPrefix: schemas.prefix,
        namespace: testNamespace(),
        publicKeyPem: keys.publicKeyPem,
      }),
      AUTH_URL: `http://127.0.0.1:${authPort}`,
      MEMBER_URL: `http://127.0.0.1:${memberPort}`,
      REQUEST_URL: `http://127.0.0.1:${requestPort}`,
      PAYMENT_URL: `http://127.0.0.1:${paymentPort}`,
      NOTIFICATION_URL: `http://127.0.0.1:${notificationPort}`,
      AUDIT_URL: `http://127.0.0.1:${auditPort}`,
    };
    const privateKey = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const auth = await startService(authService, {
      env: { ...shared, AUTH_PORT: String(authPort), JWT_PRIVATE_KEY: privateKey, ...authEnv },
    });
    running.push(auth);
    running.push(
      await startService(notificationService, {
        env: {
          ...shared,
          NOTIFICATION_PORT: String(notificationPort),
          // The tests' webhook receivers listen on 127.0.0.1, which webhooks reach only when allowed.
          WEBHOOK_ALLOWED_TARGETS: WEBHOOK_RECEIVER_TARGETS,
          ...twilio.env,
        },
      }),
    );
    if (withMembers) {
      running.push(
        await startService(memberService, {
          env: {
            ...shared,
            MEMBER_PORT: String(memberPort),
            ...(onData?.files ?? {
              FILES_DIR: join(filesDir, 'member'),
              FILES_KEY: randomBytes(32).toString('hex'),
            }),
            ...(diia
              ? {
                  DIIA_API_URL: diia.url,
                  DIIA_ACQUIRER_TOKEN: diia.acquirerToken,
                  DIIA_AUTH_ACQUIRER_TOKEN: diia.authAcquirerToken,
                  DIIA_BRANCH_ID: diia.branchId,
                  DIIA_OFFER_ID: diia.offerId,
                  DIIA_DECRYPTOR: 'test',
                }
              : {}),
          },
        }),
      );
      running.push(
        await startService(requestService, {
          env: {
            ...shared,
            REQUEST_PORT: String(requestPort),
            ...(onData?.files ?? {
              FILES_DIR: join(filesDir, 'request'),
              FILES_KEY: randomBytes(32).toString('hex'),
            }),
          },
        }),
      );
    }
    const mobileUrl = `http://127.0.0.1:${mobilePort}`;
    // Staff's cards show payments too: the admin gateway needs the payment service.
    if (withPayments || withStaff) {
      running.push(
        await startService(paymentService, {
          env: {
            ...shared,
            PAYMENT_PORT: String(paymentPort),
            PUBLIC_URL: mobileUrl,
            ...(liqpay
              ? {
                  LIQPAY_PUBLIC_KEY: liqpay.publicKey,
                  LIQPAY_PRIVATE_KEY: liqpay.privateKey,
                  LIQPAY_API_URL: liqpay.apiUrl,
                }
              : {}),
          },
        }),
      );
    }
    running.push(
      await startGateway(mobileGateway, {
        env: { ...shared, MOBILE_GATEWAY_PORT: String(mobilePort), PUBLIC_URL: mobileUrl, ...mobileEnv },
      }),
    );
    if (withStaff) {
      // The audit log the admin gateway shows: its queue exists since the first service connected.
      running.push(await startService(auditService, { env: { ...shared, AUDIT_PORT: String(auditPort) } }));
      // Its own address: program rows link the terms it serves (`GET /program/<file>`).
      const adminUrl = `http://127.0.0.1:${adminPort}`;
      running.push(
        await startGateway(adminGateway, {
          env: { ...shared, ADMIN_GATEWAY_PORT: String(adminPort), PUBLIC_URL: adminUrl, ...adminEnv },
        }),
      );
    }
    return { keys, twilio, liqpay, diia, mobileUrl, auth, adminUrl: `http://127.0.0.1:${adminPort}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
