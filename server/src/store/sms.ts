// SMS: the provider account, each site's number and switch, and every text sent or received (the outbox included).
import type { Delivery, DeliveryStatus } from '@livechat/shared/model';
import type {
  DueSms,
  SmsStore,
  StoredSmsAccount,
  StoredSmsSettings,
  WebhookDiagnostic,
} from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

interface SettingsRow {
  site_id: string;
  number: string | null;
  enabled: number;
  help_text: string | null;
  last_inbound_at: number | null;
  team_id: string | null;
}

const toSettings = (r: SettingsRow): StoredSmsSettings => ({
  siteId: r.site_id,
  number: r.number,
  enabled: r.enabled === 1,
  helpText: r.help_text,
  lastInboundAt: r.last_inbound_at,
  teamId: r.team_id,
});

interface DueRow {
  message_id: string;
  conversation_id: string;
  site_id: string;
  from_address: string;
  to_address: string;
  body: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  first_attempt_at: number | null;
}

const toDue = (r: DueRow): DueSms => ({
  messageId: r.message_id,
  conversationId: r.conversation_id,
  siteId: r.site_id,
  from: r.from_address,
  to: r.to_address,
  body: r.body,
  createdAt: r.created_at,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  firstAttemptAt: r.first_attempt_at,
});

/** The order of the statuses (as `statusRank` in server/src/sms/provider.ts), so SQL keeps the later one. */
const RANK = `CASE @status WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 ELSE 2 END`;
const RANK_OF_RECORDED = `CASE status WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2
  WHEN 'undelivered' THEN 2 WHEN 'failed' THEN 2 ELSE -1 END`;

/** Reports of texts that are not ours (another app on the account) are not kept longer. */
const EARLY_REPORT_TTL_MS = 24 * 3_600_000;

const SAVE_SETTINGS = `INSERT INTO sms_settings (site_id, number, enabled, help_text, team_id, updated_at)
  VALUES (@siteId, @number, COALESCE(@enabled, 1), @helpText, @teamId, @now)
  ON CONFLICT (site_id) DO UPDATE SET
    number = CASE WHEN @setNumber = 1 THEN @number ELSE sms_settings.number END,
    team_id = CASE WHEN @setTeam = 1 THEN @teamId ELSE sms_settings.team_id END,
    enabled = COALESCE(@enabled, sms_settings.enabled),
    help_text = COALESCE(@helpText, sms_settings.help_text),
    updated_at = @now`;

const APPLY_STATUS = `UPDATE sms_messages SET status = @status, error = COALESCE(@error, error)
  WHERE provider_id = @providerId AND direction = 'outbound' AND ${RANK} > ${RANK_OF_RECORDED}
  RETURNING message_id, conversation_id`;

export function createSmsStore(sql: Sql): SmsStore {
  const write = writer(sql);
  const settings = async (text: string, params: unknown[]) => {
    const row = await sql.get<SettingsRow>(text, params as string[]);
    return row ? toSettings(row) : null;
  };
  return {
    account: async () =>
      (await sql.get<StoredSmsAccount>(
        `SELECT account_sid AS "accountSid", auth_token AS "authToken", api_base_url AS "apiBaseUrl"
          FROM sms_account WHERE id = 1 AND account_sid <> ''`,
      )) ?? null,
    saveAccount: (a, now) =>
      write(
        `INSERT INTO sms_account (id, account_sid, auth_token, api_base_url, updated_at) VALUES (1, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET account_sid = excluded.account_sid, auth_token = excluded.auth_token,
            api_base_url = excluded.api_base_url, updated_at = excluded.updated_at`,
        [a.accountSid, a.authToken, a.apiBaseUrl, now],
      ),
    // The row exists once an admin saved an account; TWILIO_* installs get one holding only the diagnostics.
    recordWebhook: (d) =>
      write(
        `INSERT INTO sms_account (id, account_sid, auth_token, api_base_url, updated_at, last_webhook_at,
            last_webhook_valid, last_webhook_kind) VALUES (1, '', '', '', @at, @at, @valid, @kind)
          ON CONFLICT (id) DO UPDATE SET last_webhook_at = @at, last_webhook_valid = @valid, last_webhook_kind = @kind`,
        { at: d.at, valid: d.signatureValid ? 1 : 0, kind: d.kind },
      ),
    async lastWebhook() {
      const row = await sql.get<{ at: number | null; valid: number; kind: WebhookDiagnostic['kind'] }>(
        'SELECT last_webhook_at AS at, last_webhook_valid AS valid, last_webhook_kind AS kind FROM sms_account WHERE id = 1',
      );
      return row?.at == null ? null : { at: row.at, signatureValid: row.valid === 1, kind: row.kind };
    },
    settings: (siteId) => settings('SELECT * FROM sms_settings WHERE site_id = ?', [siteId]),
    byNumber: (number) => settings('SELECT * FROM sms_settings WHERE number = ?', [number]),
    async saveSettings(siteId, patch, now) {
      await write(SAVE_SETTINGS, {
        siteId,
        setNumber: patch.number === undefined ? 0 : 1,
        number: patch.number ?? null,
        enabled: patch.enabled === undefined ? null : patch.enabled ? 1 : 0,
        helpText: patch.helpText ?? null,
        setTeam: patch.teamId === undefined ? 0 : 1,
        teamId: patch.teamId ?? null,
        now,
      });
      return (await settings('SELECT * FROM sms_settings WHERE site_id = ?', [siteId]))!;
    },
    recordInbound: (siteId, at) =>
      write('UPDATE sms_settings SET last_inbound_at = ? WHERE site_id = ?', [at, siteId]),
    hasProviderId: async (providerId) =>
      (await sql.value<number>('SELECT 1 FROM sms_messages WHERE provider_id = ?', [providerId])) !==
      undefined,
    insertInbound: (t) =>
      write(
        `INSERT INTO sms_messages (message_id, conversation_id, site_id, direction, provider_id, from_address,
            to_address, body, created_at) VALUES (?, ?, ?, 'inbound', ?, ?, ?, ?, ?)`,
        [t.messageId, t.conversationId, t.siteId, t.providerId, t.from, t.to, t.body, t.createdAt],
      ),
    insertOutbound: (t) =>
      write(
        `INSERT INTO sms_messages (message_id, conversation_id, site_id, direction, from_address, to_address, body,
            status, outbox, next_attempt_at, created_at) VALUES (?, ?, ?, 'outbound', ?, ?, ?, 'queued', 'pending', ?, ?)`,
        [t.messageId, t.conversationId, t.siteId, t.from, t.to, t.body, t.createdAt, t.createdAt],
      ),
    due: async (now, limit) =>
      (
        await sql.all<DueRow>(
          `SELECT message_id, conversation_id, site_id, from_address, to_address, body, created_at, attempts,
              next_attempt_at, first_attempt_at
            FROM sms_messages WHERE outbox = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
          [now, limit],
        )
      ).map(toDue),
    claim: async (messageId, from, until, now) =>
      (await sql.run(
        `UPDATE sms_messages SET next_attempt_at = ?, attempts = attempts + 1,
            first_attempt_at = COALESCE(first_attempt_at, ?)
          WHERE message_id = ? AND outbox = 'pending' AND next_attempt_at = ?`,
        [until, now, messageId, from],
      )) === 1,
    async markSent(messageId, providerId, status: DeliveryStatus) {
      await write(
        `UPDATE sms_messages SET provider_id = @providerId, outbox = 'done', next_attempt_at = NULL, error = NULL,
            status = CASE WHEN ${RANK} > ${RANK_OF_RECORDED} THEN @status ELSE status END
          WHERE message_id = @messageId`,
        { messageId, providerId, status },
      );
      // A report that came first is applied now.
      const early = await sql.get<{ status: DeliveryStatus; error: string | null }>(
        'DELETE FROM sms_early_reports WHERE provider_id = ? RETURNING status, error',
        [providerId],
      );
      if (early) await sql.run(APPLY_STATUS, { providerId, status: early.status, error: early.error });
    },
    async keepEarlyReport(providerId, status, error, at) {
      await write('DELETE FROM sms_early_reports WHERE received_at < ?', [at - EARLY_REPORT_TTL_MS]);
      await write(
        `INSERT INTO sms_early_reports (provider_id, status, error, received_at) VALUES (@providerId, @status, @error, @at)
          ON CONFLICT (provider_id) DO UPDATE SET status = @status, error = COALESCE(@error, sms_early_reports.error)
          WHERE ${RANK} > CASE sms_early_reports.status WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 ELSE 2 END`,
        { providerId, status, error, at },
      );
    },
    markRetry: (messageId, at) =>
      write('UPDATE sms_messages SET next_attempt_at = ? WHERE message_id = ?', [at, messageId]),
    markFailed: (messageId, error) =>
      write(
        `UPDATE sms_messages SET outbox = 'failed', next_attempt_at = NULL, status = 'failed', error = ?
          WHERE message_id = ?`,
        [error, messageId],
      ),
    applyStatus: async (providerId, status, error) =>
      (await sql
        .get<{ message_id: string; conversation_id: string }>(APPLY_STATUS, {
          providerId,
          status,
          error,
        })
        .then((r) => r && { messageId: r.message_id, conversationId: r.conversation_id })) ?? null,
    providerIdsBetween: async (from, to) =>
      (
        await sql.all<{ provider_id: string }>(
          `SELECT provider_id FROM sms_messages
            WHERE to_address = ? AND from_address = ? AND direction = 'outbound' AND provider_id IS NOT NULL`,
          [to, from],
        )
      ).map((r) => r.provider_id),
    delivery: async (messageId) =>
      (await sql.get<Delivery>(
        'SELECT status, error FROM sms_messages WHERE message_id = ? AND status IS NOT NULL',
        [messageId],
      )) ?? null,
  };
}
