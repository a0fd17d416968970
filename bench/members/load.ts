import { Agent, request } from 'node:http';
import autocannon from 'autocannon';

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/** What came back from a run: each answer's time in ms and how many of each status. */
export interface Answers {
  times: number[];
  statuses: Map<number, number>;
  /** Connection errors and timeouts: requests with no answer. */
  errors: number;
  seconds: number;
}

export function emptyAnswers(): Answers {
  return { times: [], statuses: new Map(), errors: 0, seconds: 0 };
}

export function addAnswers(into: Answers, from: Answers): Answers {
  into.times.push(...from.times);
  for (const [status, count] of from.statuses)
    into.statuses.set(status, (into.statuses.get(status) ?? 0) + count);
  into.errors += from.errors;
  into.seconds += from.seconds;
  return into;
}

export const answered = (answers: Answers) => answers.times.length;
export const notOk = (answers: Answers) =>
  [...answers.statuses].reduce(
    (sum, [status, count]) => sum + (status >= 200 && status < 300 ? 0 : count),
    0,
  );
export const statusList = (answers: Answers) =>
  [...answers.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(', ');

/**
 * Closed-loop load with autocannon: `connections` keep one request each in flight, cycling
 * through `requests` (each connection from the first). Every answer's status and time is kept.
 */
export function cannon(
  url: string,
  requests: autocannon.Request[],
  connections: number,
  seconds: number,
  overallRate?: number,
): Promise<Answers> {
  const answers = emptyAnswers();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, requests, connections, duration: seconds, ...(overallRate ? { overallRate } : {}) },
      (error, result) => {
        if (error) return reject(error);
        answers.errors = result.errors;
        answers.seconds = result.duration;
        resolve(answers);
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      answers.times.push(responseTime);
      answers.statuses.set(statusCode, (answers.statuses.get(statusCode) ?? 0) + 1);
    });
  });
}

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** JSON unless the headers name another content-type (a multipart form, say). */
  body?: string | Buffer;
}

function send(agent: Agent, base: URL, call: Call): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: call.method,
        path: call.path,
        headers:
          call.body === undefined
            ? call.headers
            : {
                'content-type': 'application/json',
                ...call.headers,
                'content-length': Buffer.byteLength(call.body),
              },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(call.body);
  });
}

/**
 * Open-loop load at a steady rate: request i is due at start + i/rate whatever happened to
 * the ones before (new connections are opened when answers lag), and its time is counted from
 * when it was due, so a stall is charged to every request it delayed. `answered` hears each
 * request's status by its index (0: no answer, the connection failed).
 */
export async function steadyRate(
  url: string,
  rate: number,
  seconds: number,
  callFor: (index: number) => Call,
  answered?: (index: number, status: number) => void,
): Promise<Answers> {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const answers = emptyAnswers();
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const pending = new Set<Promise<void>>();
  const start = performance.now() + 20;
  let sent = 0;
  try {
    while (sent < total) {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        const due = start + sent * interval;
        const index = sent;
        const work = send(agent, base, callFor(index)).then(
          ({ status }) => {
            answers.times.push(performance.now() - due);
            answers.statuses.set(status, (answers.statuses.get(status) ?? 0) + 1);
            answered?.(index, status);
          },
          () => {
            answers.errors += 1;
            answered?.(index, 0);
          },
        );
        pending.add(work);
        void work.finally(() => pending.delete(work));
        sent += 1;
      }
      const wait = start + sent * interval - performance.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    }
    await Promise.all(pending);
  } finally {
    agent.destroy();
  }
  answers.seconds = seconds;
  return answers;
}

/**
 * Closed-loop load by hand: `connections` workers, each sending the next call as soon as its
 * previous one is answered, for `seconds`. `check` looks at each answer's body.
 */
export async function closedLoop<T>(
  url: string,
  connections: number,
  seconds: number,
  next: () => { call: Call; tag: T },
  check: (tag: T, status: number, body: string, ms: number) => void,
): Promise<Answers> {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const answers = emptyAnswers();
  const until = performance.now() + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const { call, tag } = next();
          const started = performance.now();
          const answer = await send(agent, base, call).catch(() => null);
          if (answer === null) {
            answers.errors += 1;
            await new Promise((resolve) => setTimeout(resolve, 10));
            continue;
          }
          const ms = performance.now() - started;
          answers.times.push(ms);
          answers.statuses.set(answer.status, (answers.statuses.get(answer.status) ?? 0) + 1);
          check(tag, answer.status, answer.body, ms);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  answers.seconds = seconds;
  return answers;
}

/** One call, for checks before the load. */
export function once(url: string, call: Call): Promise<{ status: number; body: string }> {
  const agent = new Agent({ keepAlive: false });
  return send(agent, new URL(url), call).finally(() => agent.destroy());
}
