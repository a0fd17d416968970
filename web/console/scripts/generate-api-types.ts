import { writeFile } from 'node:fs/promises';
import { ADMIN_API_TYPES, adminApiTypes } from './admin-api-types.ts';

await writeFile(ADMIN_API_TYPES, await adminApiTypes());
process.stdout.write(`wrote ${ADMIN_API_TYPES.pathname}\n`);
