import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { nodeFlagsOf, PROCESSES } from '../src/index.ts';

test('docker-compose.yml starts every service with the Node flags it is given elsewhere', () => {
  const compose = readFileSync(new URL('../../../docker-compose.yml', import.meta.url), 'utf8');
  for (const { name } of PROCESSES) {
    const entry = `services/${name}/src/main.ts`;
    const line = compose.split('\n').find((text) => text.includes(`"${entry}"`));
    assert.ok(line, `docker-compose.yml starts ${entry}`);
    const command = JSON.parse(line.slice(line.indexOf('['))) as string[];
    assert.deepEqual(command, ['node', ...nodeFlagsOf(name), entry], name);
  }
});
