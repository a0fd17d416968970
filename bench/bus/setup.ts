import { AMQP_URL, loadConfig, MYSQL_URL } from '@kasa/config';
import { Type } from 'typebox';

const BenchConfig = Type.Object({
  MYSQL_URL,
  AMQP_URL,
  /** Seconds of flat-out load, then seconds at the fixed rate. */
  BENCH_SECONDS: Type.Integer({ minimum: 1, maximum: 120, default: 15 }),
  BENCH_RATE: Type.Integer({ minimum: 1, default: 500 }),
  BENCH_WARMUP_SECONDS: Type.Integer({ minimum: 0, maximum: 60, default: 5 }),
  /** Events per producer transaction in the second flat-out phase (the first commits one). */
  BENCH_EVENTS_PER_COMMIT: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
  /** Transactions in flight at once on the producing side. */
  BENCH_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 200, default: 32 }),
  BENCH_PREFETCH: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
  BENCH_NAMESPACE: Type.String({ default: 'bench.' }),
});

export function benchConfig() {
  const config = loadConfig(BenchConfig);
  return { ...config, namespace: config.BENCH_NAMESPACE };
}
