import { runService } from '@kasa/runtime';
import { authService } from './service.ts';

await runService(authService);
