import { runService } from '@kasa/runtime';
import { notificationService } from './service.ts';

await runService(notificationService);
