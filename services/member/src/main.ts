import { runService } from '@kasa/runtime';
import { memberService } from './service.ts';

await runService(memberService);
