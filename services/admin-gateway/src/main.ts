import { runGateway } from '@kasa/runtime';
import { adminGateway } from './gateway.ts';

await runGateway(adminGateway);
