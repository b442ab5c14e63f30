import type { Webhook, WebhookDelivery, WebhookEvent } from '@livechat/shared/api';
import type { DueDelivery, WebhookStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

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

const INSERT_DELIVERY = `INSERT INTO webhook_deliveries
    (id, webhook_id, event, body, status, attempts, next_attempt_at, created_at)
  VALUES (@id, @webhookId, @event, @body, 'pending', 0, @createdAt, @createdAt)`;
// Pending deliveries of an inactive webhook wait, and go out if it is switched on again. One index probe per webhook
// (MIN over its pending entries), however long the backlog is.
const DUE_WEBHOOKS = `SELECT id FROM (
    SELECT w.id, w.rowid AS created, (SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d
                  WHERE d.webhook_id = w.id AND d.status = 'pending') AS next
    FROM webhooks w WHERE w.active = 1
  ) AS pending WHERE next <= ? ORDER BY next, created`;
const DUE = `SELECT d.*, w.url, w.secret FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
  WHERE d.webhook_id = ? AND d.status = 'pending' AND d.next_attempt_at <= ? AND w.active = 1
  ORDER BY d.next_attempt_at, d.rowid LIMIT ?`;
const SUCCEEDED = `UPDATE webhook_deliveries
  SET status = 'succeeded', attempts = @attempts, last_status_code = @statusCode, last_error = NULL,
      next_attempt_at = NULL, delivered_at = @at
  WHERE id = @id AND status = 'pending'`;
const ATTEMPT_FAILED = `UPDATE webhook_deliveries
  SET status = @status, attempts = @attempts, last_status_code = @statusCode, last_error = @error,
      next_attempt_at = @nextAttemptAt
  WHERE id = @id AND status = 'pending'`;
const REQUEUE = `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?
  WHERE id = ? AND webhook_id = ? AND status = 'failed'`;

export function createWebhookStore(sql: Sql): WebhookStore {
  const write = writer(sql);
  return {
    // rowid (a real column on PostgreSQL) keeps insertion order among rows of the same millisecond.
    all: async () =>
      (await sql.all<WebhookRow>('SELECT * FROM webhooks ORDER BY created_at, rowid')).map(toWebhook),
    async byId(id) {
      const row = await sql.get<WebhookRow>('SELECT * FROM webhooks WHERE id = ?', [id]);
      return row ? toWebhook(row) : null;
    },
    insert: (w, secret) =>
      write('INSERT INTO webhooks (id, url, events, secret, active, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        w.id,
        w.url,
        JSON.stringify(w.events),
        secret,
        w.active ? 1 : 0,
        w.createdAt,
      ]),
    update: (w) =>
      write('UPDATE webhooks SET url = ?, events = ?, active = ? WHERE id = ?', [
        w.url,
        JSON.stringify(w.events),
        w.active ? 1 : 0,
        w.id,
      ]),
    remove: async (id) => (await sql.run('DELETE FROM webhooks WHERE id = ?', [id])) > 0,
    // The events list is JSON: matched here, not in SQL (no JSON functions common to both engines). Webhooks are few.
    subscribed: async (event) =>
      (
        await sql.all<{ id: string; events: string }>(
          'SELECT id, events FROM webhooks WHERE active = 1 ORDER BY created_at, rowid',
        )
      )
        .filter((w) => (JSON.parse(w.events) as WebhookEvent[]).includes(event))
        .map((w) => w.id),

    insertDelivery: (d) => write(INSERT_DELIVERY, { ...d }),
    deliveries: async (webhookId, limit) =>
      (
        await sql.all<DeliveryRow>(
          'SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
          [webhookId, limit],
        )
      ).map(toDelivery),
    async delivery(webhookId, id) {
      const row = await sql.get<DeliveryRow>(
        'SELECT * FROM webhook_deliveries WHERE id = ? AND webhook_id = ?',
        [id, webhookId],
      );
      return row ? toDelivery(row) : null;
    },
    dueWebhooks: async (now) => (await sql.all<{ id: string }>(DUE_WEBHOOKS, [now])).map((r) => r.id),
    due: async (webhookId, now, limit): Promise<DueDelivery[]> =>
      (await sql.all<DeliveryRow & { url: string; secret: string }>(DUE, [webhookId, now, limit])).map(
        (r) => ({
          id: r.id,
          webhookId: r.webhook_id,
          event: r.event as WebhookEvent,
          body: r.body,
          attempts: r.attempts,
          nextAttemptAt: r.next_attempt_at!,
          url: r.url,
          secret: r.secret,
        }),
      ),
    reschedule: async (id, from, to) =>
      (await sql.run(
        "UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?",
        [to, id, from],
      )) === 1,
    markSucceeded: (id, attempts, statusCode, at) => write(SUCCEEDED, { id, attempts, statusCode, at }),
    markAttemptFailed: (id, attempts, statusCode, error, nextAttemptAt) =>
      write(ATTEMPT_FAILED, {
        id,
        attempts,
        statusCode,
        error,
        nextAttemptAt,
        status: nextAttemptAt === null ? 'failed' : 'pending',
      }),
    requeue: async (webhookId, id, at) => (await sql.run(REQUEUE, [at, id, webhookId])) > 0,
    prune: (before) =>
      sql.run("DELETE FROM webhook_deliveries WHERE status != 'pending' AND created_at < ?", [before]),
  };
}
