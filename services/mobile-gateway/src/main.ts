import { runGateway } from '@kasa/runtime';
import { mobileGateway } from './gateway.ts';

await runGateway(mobileGateway);
