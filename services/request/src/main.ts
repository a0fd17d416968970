import { runService } from '@kasa/runtime';
import { requestService } from './service.ts';

await runService(requestService);
