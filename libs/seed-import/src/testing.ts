import {
  createSeedDatabase,
  fillSeedFixture,
  generateEd25519Keys,
  type SeedDatabase,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
} from '@kasa/testing';
import { openSeedSource, type SeedSource } from './seed-source.ts';
import type { OpenServiceImport, ServiceImport } from './service-import.ts';

/** One service's import on the seed fixture, for that service's tests. */
export interface SeedImportUnderTest {
  seed: SeedDatabase;
  source: SeedSource;
  service: ServiceImport;
  /** The schema prefix the service's own schema is under (to start the service on it). */
  schemaPrefix: string;
  close(): Promise<void>;
}

/**
 * The seed fixture (and `extra` statements of the test's own cases) in a fresh seed database,
 * and the service's import opened on a schema of its own under a test prefix.
 */
export async function seedImportUnderTest(
  open: OpenServiceImport,
  { extra }: { extra?: string } = {},
): Promise<SeedImportUnderTest> {
  const seed = await createSeedDatabase();
  await fillSeedFixture(seed);
  if (extra) await seed.connection.query(extra);
  const schemas = testSchemaPrefix();
  const source = await openSeedSource(seed.url);
  const env = testServiceEnv({
    schemaPrefix: schemas.prefix,
    namespace: testNamespace(),
    publicKeyPem: generateEd25519Keys().publicKeyPem,
  });
  const service = await open({ ...process.env, ...env });
  return {
    seed,
    source,
    service,
    schemaPrefix: schemas.prefix,
    async close() {
      await service.close();
      await source.close();
      await seed.drop();
      await schemas.drop();
    },
  };
}
