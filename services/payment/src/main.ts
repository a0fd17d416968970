import { runService } from '@kasa/runtime';
import { paymentService } from './service.ts';

await runService(paymentService);
