import type { Webhook, WebhookDelivery, WebhookEvent } from '@livechat/shared/api';
import type { Database } from './database.js';

interface WebhookRow {
  id: string;
  url: string;
  events: string;
  secret: string;
  active: 0 | 1;
  created_at: number;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event: string;
  body: string;
  status: WebhookDelivery['status'];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
  created_at: number;
  delivered_at: number | null;
}

/** A pending delivery with what sending it needs: its webhook's URL and secret, read at send time. */
export interface DueDelivery {
  id: string;
  webhookId: string;
  event: WebhookEvent;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

// Events were checked against WebhookEventSchema before they were written, so they are trusted as that type.
const toWebhook = (r: WebhookRow): Webhook => ({
  id: r.id,
  url: r.url,
  events: JSON.parse(r.events) as WebhookEvent[],
  active: r.active === 1,
  createdAt: r.created_at,
});

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  event: r.event as WebhookEvent,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

export function createWebhookStore(db: Database) {
  const all = db.prepare<[], WebhookRow>('SELECT * FROM webhooks ORDER BY created_at, rowid');
  const byId = db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO webhooks (id, url, events, secret, active, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE webhooks SET url = ?, events = ?, active = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM webhooks WHERE id = ?');
  const subscribed = db
    .prepare<[string], string>(
      `SELECT id FROM webhooks
       WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(webhooks.events) WHERE value = ?)
       ORDER BY created_at, rowid`,
    )
    .pluck();

  const insertDelivery = db.prepare(
    `INSERT INTO webhook_deliveries (id, webhook_id, event, body, status, attempts, next_attempt_at, created_at)
     VALUES (@id, @webhookId, @event, @body, 'pending', 0, @createdAt, @createdAt)`,
  );
  const deliveries = db.prepare<[string, number], DeliveryRow>(
    'SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
  );
  const delivery = db.prepare<[string, string], DeliveryRow>(
    'SELECT * FROM webhook_deliveries WHERE id = ? AND webhook_id = ?',
  );
  // Pending deliveries of an inactive webhook wait, and go out if it is switched on again.
  const dueWebhooks = db
    .prepare<[number], string>(
      // One index probe per webhook (MIN over its pending entries), however long the backlog is.
      `SELECT id FROM (
         SELECT w.id, (SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d
                       WHERE d.webhook_id = w.id AND d.status = 'pending') AS next
         FROM webhooks w WHERE w.active = 1
       ) WHERE next <= ? ORDER BY next`,
    )
    .pluck();
  const due = db.prepare<[string, number, number], DeliveryRow & { url: string; secret: string }>(
    `SELECT d.*, w.url, w.secret FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
     WHERE d.webhook_id = ? AND d.status = 'pending' AND d.next_attempt_at <= ? AND w.active = 1
     ORDER BY d.next_attempt_at, d.rowid LIMIT ?`,
  );
  const succeeded = db.prepare(
    `UPDATE webhook_deliveries
     SET status = 'succeeded', attempts = @attempts, last_status_code = @statusCode, last_error = NULL,
         next_attempt_at = NULL, delivered_at = @at
     WHERE id = @id AND status = 'pending'`,
  );
  const attemptFailed = db.prepare(
    `UPDATE webhook_deliveries
     SET status = @status, attempts = @attempts, last_status_code = @statusCode, last_error = @error,
         next_attempt_at = @nextAttemptAt
     WHERE id = @id AND status = 'pending'`,
  );
  const requeue = db.prepare(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?
     WHERE id = ? AND webhook_id = ? AND status = 'failed'`,
  );
  const prune = db.prepare("DELETE FROM webhook_deliveries WHERE status != 'pending' AND created_at < ?");

  return {
    all: () => all.all().map(toWebhook),
    byId: (id: string) => {
      const row = byId.get(id);
      return row ? toWebhook(row) : null;
    },
    insert: (w: Webhook, secret: string) =>
      void insert.run(w.id, w.url, JSON.stringify(w.events), secret, w.active ? 1 : 0, w.createdAt),
    update: (w: Webhook) => void update.run(w.url, JSON.stringify(w.events), w.active ? 1 : 0, w.id),
    /** Deletes the webhook and its whole delivery log; false when there was none. */
    remove: (id: string) => remove.run(id).changes > 0,
    /** Ids of the active webhooks subscribed to `event`. */
    subscribed: (event: WebhookEvent) => subscribed.all(event),

    insertDelivery: (d: {
      id: string;
      webhookId: string;
      event: WebhookEvent;
      body: string;
      createdAt: number;
    }) => void insertDelivery.run(d),
    /** The newest `limit` deliveries of a webhook, newest first. */
    deliveries: (webhookId: string, limit: number) => deliveries.all(webhookId, limit).map(toDelivery),
    delivery: (webhookId: string, id: string) => {
      const row = delivery.get(id, webhookId);
      return row ? toDelivery(row) : null;
    },
    /** Active webhooks with at least one delivery due at `now`, the longest-waiting first. */
    dueWebhooks: (now: number) => dueWebhooks.all(now),
    /** The oldest `limit` deliveries of one webhook due at `now`. */
    due: (webhookId: string, now: number, limit: number): DueDelivery[] =>
      due.all(webhookId, now, limit).map((r) => ({
        id: r.id,
        webhookId: r.webhook_id,
        event: r.event as WebhookEvent,
        body: r.body,
        attempts: r.attempts,
        url: r.url,
        secret: r.secret,
      })),
    /** Records a 2xx; a delivery that is no longer pending (deleted meanwhile) is left alone. */
    markSucceeded: (id: string, attempts: number, statusCode: number, at: number) =>
      void succeeded.run({ id, attempts, statusCode, at }),
    /** Records a failed attempt: retried at `nextAttemptAt`, or given up when that is null. */
    markAttemptFailed: (
      id: string,
      attempts: number,
      statusCode: number | null,
      error: string,
      nextAttemptAt: number | null,
    ) =>
      void attemptFailed.run({
        id,
        attempts,
        statusCode,
        error,
        nextAttemptAt,
        status: nextAttemptAt === null ? 'failed' : 'pending',
      }),
    /** Makes a failed delivery pending again, due at `at`; false when it is not a failed delivery of that webhook. */
    requeue: (webhookId: string, id: string, at: number) => requeue.run(at, id, webhookId).changes > 0,
    /** Deletes finished (succeeded or failed) deliveries created before `before`; returns how many. */
    prune: (before: number) => prune.run(before).changes,
  };
}
export type WebhookStore = ReturnType<typeof createWebhookStore>;
