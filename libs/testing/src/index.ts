export { createTestDatabase, type TestDatabase, testNamespace, testSchemaPrefix } from './database.ts';
export {
  DIIA_SAMPLE_INTERNAL_PASSPORT,
  DIIA_SAMPLE_TAXPAYER_CARD,
  type FakeDiia,
  type FakeDiiaCallback,
  type FakeDiiaDocuments,
  startFakeDiia,
  TEST_DIIA_ENVELOPE_MARKER,
  testDiiaEnvelope,
} from './fake-diia.ts';
export {
  type FakeLiqPay,
  type FakeLiqPayCharge,
  type FakeLiqPayPayment,
  type FakeLiqPayRequest,
  startFakeLiqPay,
} from './fake-liqpay.ts';
export { type FakeTelegram, type FakeTelegramMessage, startFakeTelegram } from './fake-telegram.ts';
export { type FakeTwilio, type FakeTwilioMessage, startFakeTwilio } from './fake-twilio.ts';
export {
  provideTestInfrastructure,
  type TestInfrastructure,
  testAmqpUrl,
  testMysqlUrl,
} from './infrastructure.ts';
export { type FilePart, multipartBody } from './multipart.ts';
export { freePort } from './ports.ts';
export { type PrivateBroker, startPrivateBroker } from './private-broker.ts';
export { type PrivateDatabase, startPrivateDatabase } from './private-database.ts';
export { seededRandom } from './random.ts';
export { REPO_ROOT } from './repo.ts';
export { createSeedDatabase, fillSeedFixture, SEED_SCHEMA_DDL, type SeedDatabase } from './seed-database.ts';
export { assertSeedShape } from './seed-shape.ts';
export { bearerTokens, type TestFileStore, testFileStore, testServiceEnv } from './service-env.ts';
export {
  AUDIENCE,
  claimsFor,
  generateEd25519Keys,
  generateP256Keys,
  ISSUER,
  seedToken,
  signToken,
  type TestKeys,
  unsignedToken,
} from './tokens.ts';
export { eventually } from './wait.ts';
export {
  type ReceivedRequest,
  type ReceiverAnswer,
  startWebhookReceiver,
  WEBHOOK_RECEIVER_TARGETS,
  type WebhookReceiver,
} from './webhook-receiver.ts';
