import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { ADMIN_API_TYPES, adminApiTypes } from '../scripts/admin-api-types.ts';

test("the console's API types are the admin gateway's API as it is now (pnpm --filter @kasa/console api)", async () => {
  const checkedIn = await readFile(ADMIN_API_TYPES, 'utf8');
  assert.ok(
    checkedIn === (await adminApiTypes()),
    'web/console/src/api/admin-api.d.ts is stale: run `pnpm --filter @kasa/console api` and build the console',
  );
});
