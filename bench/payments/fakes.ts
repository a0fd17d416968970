import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';

/** What reached the fakes so far (fakes-process.ts counts it). */
export interface FakeCounts {
  /** Texts the fake Twilio accepted; of them, the same words to the same number again. */
  texts: number;
  textsRepeated: number;
  /** Requests the fake Twilio refused (it refuses only what a real one would). */
  textsRefused: number;
  /** Messages the fake Telegram accepted in the staff chat; of them, the same words again. */
  staffMessages: number;
  staffMessagesRepeated: number;
  /** Webhook deliveries by event type, each event once; then repeats, bad X-Data-Hash, out of order. */
  webhooks: Record<string, number>;
  webhookRepeats: number;
  webhookBadHashes: number;
  webhookOutOfOrder: number;
}

export type ToFakes = { kind: 'secret'; secret: string } | { kind: 'counts'; id: number } | { kind: 'close' };
export type FromFakes =
  | { kind: 'ready'; env: Record<string, string>; receiverUrl: string }
  | { kind: 'counts'; id: number; counts: FakeCounts };

export interface Fakes {
  /** The notification service's variables that point it at the fakes. */
  env: Record<string, string>;
  /** Where the webhook subscriber is registered. */
  receiverUrl: string;
  /** The subscriber's secret, to check every X-Data-Hash. */
  setSecret(secret: string): void;
  counts(): Promise<FakeCounts>;
  stop(): Promise<void>;
}

/** The path the CPU meter recognises the fakes' process by (processes.ts). */
export const FAKES_SCRIPT = 'bench/payments/fakes-process.ts';

/** Starts the fakes' process (a child of this one) and waits until they listen. */
export async function startFakes(): Promise<Fakes> {
  const child: ChildProcess = fork(new URL('./fakes-process.ts', import.meta.url).pathname, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (counts: FakeCounts) => void>();
  let nextId = 1;
  const ready = new Promise<Extract<FromFakes, { kind: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fakes' process exited (${code}) before listening`)));
    child.on('message', (message: FromFakes) => {
      if (message.kind === 'ready') resolve(message);
      else waiting.get(message.id)?.(message.counts);
    });
  });
  const { env, receiverUrl } = await ready;
  const tell = (message: ToFakes) => child.send(message);
  return {
    env,
    receiverUrl,
    setSecret: (secret) => tell({ kind: 'secret', secret }),
    counts: () =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, (counts) => {
          waiting.delete(id);
          resolve(counts);
        });
        tell({ kind: 'counts', id });
      }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      tell({ kind: 'close' });
      await exited;
    },
  };
}
