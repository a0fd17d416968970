import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '@kasa/log';
import { startJobs } from '../src/periodic-jobs.ts';

const logger = createLogger({ service: 'test', level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a job runs again after each run ends, never two at once, and goes on after a failure', async () => {
  let runs = 0;
  let atOnce = 0;
  let most = 0;
  const jobs = startJobs(
    [
      {
        name: 'slow',
        everyMs: 5,
        async run() {
          runs += 1;
          atOnce += 1;
          most = Math.max(most, atOnce);
          await sleep(15);
          atOnce -= 1;
          if (runs === 2) throw new Error('a bad run');
        },
      },
    ],
    logger,
  );
  await sleep(150);
  await jobs.stop();
  assert.ok(runs >= 4, `ran ${runs} times`);
  assert.equal(most, 1, 'runs never overlap');
});

test('stopping waits for the run under way and starts no other', async () => {
  let finished = 0;
  let started = 0;
  const jobs = startJobs(
    [
      {
        name: 'long',
        everyMs: 1,
        async run() {
          started += 1;
          await sleep(40);
          finished += 1;
        },
      },
    ],
    logger,
  );
  await sleep(10);
  await jobs.stop();
  assert.equal(started, 1);
  assert.equal(finished, 1, 'the run under way ended before stop resolved');
  await sleep(30);
  assert.equal(started, 1, 'nothing starts after stop');
});
