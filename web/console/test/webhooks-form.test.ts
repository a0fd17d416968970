import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  emptyWebhookForm,
  eventTypesOf,
  newSubscriberBody,
  subscriberChangeBody,
  webhookFormProblems,
} from '../src/screens/webhooks/webhook-form.ts';

const filled = {
  ...emptyWebhookForm(),
  url: ' https://crm.example.org/hooks/kasa ',
  eventTypes: ['payment.confirmed'],
};

test('a subscriber needs an http(s) address and at least one event type; a given secret is long enough', () => {
  assert.deepEqual(webhookFormProblems(filled), {});
  assert.deepEqual(Object.keys(webhookFormProblems(emptyWebhookForm())), ['url', 'eventTypes']);
  assert.deepEqual(Object.keys(webhookFormProblems({ ...filled, url: 'ftp://example.org' })), ['url']);
  assert.deepEqual(Object.keys(webhookFormProblems({ ...filled, secret: 'short' })), ['secret']);
});

test('"every event" stands alone among the chosen types', () => {
  assert.deepEqual(eventTypesOf(['payment.confirmed', '*']), ['*']);
  assert.deepEqual(eventTypesOf(['a.b', 'a.b', 'c.d']), ['a.b', 'c.d']);
});

test('registration sends what was given, trimmed; an empty secret lets Kasa generate one', () => {
  assert.deepEqual(newSubscriberBody({ ...filled, description: '  CRM ' }), {
    url: 'https://crm.example.org/hooks/kasa',
    event_types: ['payment.confirmed'],
    enabled: true,
    description: 'CRM',
  });
  assert.equal(
    newSubscriberBody({ ...filled, secret: 'a-secret-of-twenty-chars' }).secret,
    'a-secret-of-twenty-chars',
  );
});

test('a change sends only what differs; a cleared description is removed; nothing differs, nothing is sent', () => {
  const current = {
    url: 'https://crm.example.org/hooks/kasa',
    description: 'CRM',
    event_types: ['payment.confirmed'],
  };
  assert.equal(subscriberChangeBody({ ...filled, description: 'CRM' }, current), null);
  assert.deepEqual(subscriberChangeBody({ ...filled, description: '' }, current), { description: null });
  assert.deepEqual(subscriberChangeBody({ ...filled, description: 'CRM', eventTypes: ['*'] }, current), {
    event_types: ['*'],
  });
});
