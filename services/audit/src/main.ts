import { runService } from '@kasa/runtime';
import { auditService } from './service.ts';

await runService(auditService);
