import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { installGracefulShutdown, shutdown } from '../src/index.ts';
import { createTestApp } from './support/test-app.ts';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

async function waitUntilRefused(port: number, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await connectionRefused(port))) {
    if (Date.now() > deadline) assert.fail('the server still accepts connections');
    await sleep(5);
  }
}

test('an in-flight request completes while new connections are refused, then hooks close in order', async () => {
  const { app, logger } = createTestApp();
  const events: string[] = [];
  const handlerStarted = deferred();
  const release = deferred();
  app.get('/slow', async () => {
    handlerStarted.resolve();
    await release.promise;
    events.push('request finished');
    return { done: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };

  const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
  await handlerStarted.promise;
  const closing = shutdown({
    app,
    logger,
    onClose: ['consumers', 'relay', 'broker', 'db'].map((name) => async () => {
      events.push(name);
    }),
  });

  await waitUntilRefused(port);
  assert.deepEqual(events, [], 'hooks ran before the in-flight request finished');
  release.resolve();
  const response = await inFlight;
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('connection'), 'close');
  assert.deepEqual(await response.json(), { done: true });
  await closing;
  assert.deepEqual(events, ['request finished', 'consumers', 'relay', 'broker', 'db']);
});

test('a failing close hook does not keep the later ones from running', async () => {
  const { app, logger } = createTestApp();
  const closed: string[] = [];
  const failing = async () => {
    throw new Error('broker is gone');
  };
  const db = async () => {
    closed.push('db');
  };
  await assert.rejects(shutdown({ app, logger, onClose: [failing, db] }), /broker is gone/);
  assert.deepEqual(closed, ['db']);
});

function installForTest(options: { onClose: Array<() => Promise<void>>; timeoutMs?: number }) {
  const { app, logger } = createTestApp();
  const exits: number[] = [];
  const exited = deferred<number>();
  const uninstall = installGracefulShutdown({
    app,
    logger,
    signals: ['SIGWINCH'],
    exit: (code) => {
      exits.push(code);
      exited.resolve(code);
    },
    ...options,
  });
  return { app, exits, exited: exited.promise, uninstall };
}

test('a signal closes everything and exits with 0', async () => {
  const closed: string[] = [];
  const { exited, uninstall } = installForTest({
    onClose: [
      async () => {
        closed.push('db');
      },
    ],
  });
  try {
    process.emit('SIGWINCH', 'SIGWINCH');
    assert.equal(await exited, 0);
    assert.deepEqual(closed, ['db']);
  } finally {
    uninstall();
  }
});

test('a second signal exits with 1 without waiting', async () => {
  const hook = deferred();
  const { exits, exited, uninstall } = installForTest({ onClose: [() => hook.promise] });
  try {
    process.emit('SIGWINCH', 'SIGWINCH');
    process.emit('SIGWINCH', 'SIGWINCH');
    assert.equal(await exited, 1);
    assert.deepEqual(exits, [1]);
  } finally {
    uninstall();
    hook.resolve();
  }
});

test('a shutdown that outlasts its timeout exits with 1', async () => {
  const hook = deferred();
  const { exited, uninstall } = installForTest({ onClose: [() => hook.promise], timeoutMs: 50 });
  try {
    process.emit('SIGWINCH', 'SIGWINCH');
    assert.equal(await exited, 1);
  } finally {
    uninstall();
    hook.resolve();
  }
});
