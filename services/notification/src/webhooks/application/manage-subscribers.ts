import type { Database, Executor } from '@kasa/db';
import { conflict, notFound, unprocessable } from '@kasa/http';
import type { Logger } from '@kasa/log';
import { replayDead } from '../db/webhook-deliveries.repository.ts';
import {
  deleteSubscriber,
  disableSubscribers,
  enableSubscriber,
  findSubscriber,
  insertSubscriber,
  type SubscriberChanges,
  type SubscriberRow,
  updateSubscriber,
} from '../db/webhook-subscribers.repository.ts';
import type { AddressPolicy } from '../domain/address-policy.ts';
import { ALL_EVENTS } from '../domain/event-selection.ts';
import { hostOf } from '../domain/subscriber-url.ts';
import { generateSecret, secretProblem } from '../domain/webhook-secret.ts';
import { checkSubscriberUrl } from './check-subscriber-url.ts';

/** What managing subscribers needs: their table, a log of who changed what, and the URL rule. */
export interface ManageSubscribersDeps {
  database: Database;
  logger: Logger;
  /** Where a subscriber URL may point. */
  addressPolicy: AddressPolicy;
}

export interface NewSubscriberInput {
  url: string;
  description?: string | undefined;
  eventTypes: string[];
  enabled?: boolean | undefined;
  /** An existing receiver's secret; one is generated when none is given. */
  secret?: string | undefined;
}

export interface SubscriberUpdate {
  url?: string | undefined;
  description?: string | null | undefined;
  eventTypes?: string[] | undefined;
  enabled?: boolean | undefined;
}

/** Sorted, each once; `*` alone when it is among them. */
function normalisedTypes(types: readonly string[]): string[] {
  return types.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(types)].sort();
}

function usableSecret(secret: string | undefined): string {
  if (secret === undefined) return generateSecret();
  const problem = secretProblem(secret);
  if (problem) throw unprocessable(problem, 'invalid_webhook_secret');
  return secret;
}

const subscriberNotFound = () => notFound('No such webhook subscriber', 'webhook_subscriber_not_found');

/** The subscriber, or 404; `forUpdate` locks it for a change made in the same transaction. */
export async function existingSubscriber(
  db: Executor,
  id: number,
  forUpdate = false,
): Promise<SubscriberRow> {
  const row = await findSubscriber(db, id, forUpdate);
  if (!row) throw subscriberNotFound();
  return row;
}

/** Registers a subscriber; its secret is answered this once and never again (nor logged). */
export async function createSubscriber(
  deps: ManageSubscribersDeps,
  staffId: number,
  input: NewSubscriberInput,
): Promise<{ subscriber: SubscriberRow; secret: string }> {
  await checkSubscriberUrl(input.url, deps.addressPolicy);
  const secret = usableSecret(input.secret);
  const id = await insertSubscriber(deps.database.db, {
    url: input.url,
    description: input.description ?? null,
    secret,
    eventTypes: normalisedTypes(input.eventTypes),
    enabled: input.enabled ?? true,
    createdBy: staffId,
  });
  deps.logger.info({ subscriberId: id, host: hostOf(input.url), staffId }, 'webhook subscriber created');
  return { subscriber: await existingSubscriber(deps.database.db, id), secret };
}

/**
 * Changes a subscriber. Disabling pauses its pending deliveries; enabling again sends them, in
 * order, at once. A new URL applies to pending deliveries too.
 */
export async function changeSubscriber(
  deps: ManageSubscribersDeps,
  staffId: number,
  id: number,
  update: SubscriberUpdate,
): Promise<SubscriberRow> {
  if (update.url !== undefined) await checkSubscriberUrl(update.url, deps.addressPolicy);
  const changes: SubscriberChanges = {
    ...(update.url === undefined ? {} : { url: update.url }),
    ...(update.description === undefined ? {} : { description: update.description }),
    ...(update.eventTypes === undefined ? {} : { eventTypes: normalisedTypes(update.eventTypes) }),
  };
  await deps.database.db.transaction(async (tx) => {
    const row = await existingSubscriber(tx, id, true);
    if (Object.keys(changes).length > 0) await updateSubscriber(tx, id, changes, staffId);
    if (update.enabled === false && row.enabled) await disableSubscribers(tx, [id], 'administrator', staffId);
    if (update.enabled === true && !row.enabled) await enableSubscriber(tx, id, staffId);
  });
  deps.logger.info(
    {
      subscriberId: id,
      staffId,
      changed: Object.entries(update)
        .filter(([key, value]) => value !== undefined && key !== 'description')
        .map(([key]) => key),
    },
    'webhook subscriber changed',
  );
  return existingSubscriber(deps.database.db, id);
}

/** A new secret (the given one, or a generated one), in force for the next attempt; answered this once. */
export async function rotateSecret(
  deps: ManageSubscribersDeps,
  staffId: number,
  id: number,
  given: string | undefined,
): Promise<{ subscriber: SubscriberRow; secret: string }> {
  const secret = usableSecret(given);
  await deps.database.db.transaction(async (tx) => {
    await existingSubscriber(tx, id, true);
    await updateSubscriber(tx, id, { secret }, staffId);
  });
  deps.logger.info({ subscriberId: id, staffId }, 'webhook secret rotated');
  return { subscriber: await existingSubscriber(deps.database.db, id), secret };
}

/** Deletes a subscriber with its deliveries (pending ones are never sent) and their log. */
export async function removeSubscriber(
  deps: ManageSubscribersDeps,
  staffId: number,
  id: number,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await existingSubscriber(tx, id, true);
    await deleteSubscriber(tx, id);
  });
  deps.logger.info({ subscriberId: id, staffId }, 'webhook subscriber deleted');
}

/** Dead deliveries again (one, or every one of a subscriber's); how many. 409 while the subscriber is disabled. */
export async function replayDeadDeliveries(
  deps: ManageSubscribersDeps,
  staffId: number,
  subscriberId: number,
  deliveryId?: number,
): Promise<number> {
  const replayed = await deps.database.db.transaction(async (tx) => {
    const subscriber = await existingSubscriber(tx, subscriberId, true);
    if (!subscriber.enabled)
      throw conflict('The subscriber is disabled: enable it first', 'webhook_subscriber_disabled');
    return replayDead(tx, deliveryId === undefined ? { subscriberId } : { deliveryId });
  });
  deps.logger.info({ subscriberId, deliveryId, replayed, staffId }, 'dead webhook deliveries replayed');
  return replayed;
}
