// Files sent in conversations (their rows; the bytes live in a BlobStore), a site's file rules, and install secrets.
import type { AttachmentKind, AuthorKind } from '@livechat/shared/model';
import type { FileTypeGroup } from '@livechat/shared/api';
import type { FileStore, StoredFile, StoredGalleryFile } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

export interface FileRow {
  id: string;
  site_id: string;
  uploader_kind: StoredFile['uploader']['kind'];
  uploader_id: string;
  upload_id: string;
  conversation_id: string | null;
  message_id: string | null;
  name: string;
  mime: string;
  kind: AttachmentKind;
  size: number | string;
  voice: number;
  created_at: number | string;
}

export const toStoredFile = (r: FileRow): StoredFile => ({
  id: r.id,
  siteId: r.site_id,
  uploader: { kind: r.uploader_kind, id: r.uploader_id },
  uploadId: r.upload_id,
  conversationId: r.conversation_id,
  messageId: r.message_id,
  name: r.name,
  mime: r.mime,
  kind: r.kind,
  // BIGINT arrives as a string from some PostgreSQL drivers.
  size: Number(r.size),
  voice: r.voice === 1,
  createdAt: Number(r.created_at),
});

/** `?, ?, ?` for a list of parameters (lists are bounded by their callers: a page, a message's files). */
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The sent files of these messages, grouped by message and in each message's order (one query for them all). */
export async function sentFilesOf(sql: Sql, messageIds: readonly string[]): Promise<StoredFile[]> {
  if (messageIds.length === 0) return [];
  const rows = await sql.all<FileRow>(
    `SELECT * FROM files WHERE message_id IS NOT NULL AND message_id IN (${marks(messageIds.length)})
     ORDER BY message_id, position`,
    [...messageIds],
  );
  return rows.map(toStoredFile);
}

export function createFileStore(sql: Sql): FileStore {
  const write = writer(sql);
  return {
    insert: (f) =>
      write(
        `INSERT INTO files (id, site_id, uploader_kind, uploader_id, upload_id, conversation_id, message_id, position,
           name, mime, kind, size, voice, created_at)
         VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?)`,
        [
          f.id,
          f.siteId,
          f.uploader.kind,
          f.uploader.id,
          f.uploadId,
          f.conversationId,
          f.name,
          f.mime,
          f.kind,
          f.size,
          f.voice ? 1 : 0,
          f.createdAt,
        ],
      ),
    async byId(id) {
      const row = await sql.get<FileRow>('SELECT * FROM files WHERE id = ?', [id]);
      return row ? toStoredFile(row) : null;
    },
    async byUpload(kind, uploaderId, uploadId) {
      const row = await sql.get<FileRow>(
        'SELECT * FROM files WHERE uploader_kind = ? AND uploader_id = ? AND upload_id = ?',
        [kind, uploaderId, uploadId],
      );
      return row ? toStoredFile(row) : null;
    },
    async attach(ids, conversationId, messageId) {
      let claimed = 0;
      for (const [position, id] of ids.entries()) {
        // Only while unsent: of two messages racing for one file, one claims it.
        claimed += await sql.run(
          `UPDATE files SET conversation_id = ?, message_id = ?, position = ? WHERE id = ? AND message_id IS NULL`,
          [conversationId, messageId, position, id],
        );
      }
      return claimed;
    },
    ofMessages: (messageIds) => sentFilesOf(sql, messageIds),
    async gallery(conversationIds, limit) {
      if (conversationIds.length === 0) return [];
      const rows = await sql.all<
        FileRow & { author_kind: AuthorKind; author_name: string; sent_at: number | string }
      >(
        `SELECT f.*, m.author_kind, m.author_name, m.created_at AS sent_at FROM files f
           JOIN messages m ON m.conversation_id = f.conversation_id AND m.id = f.message_id
         WHERE f.conversation_id IN (${marks(conversationIds.length)}) AND f.message_id IS NOT NULL
         ORDER BY m.created_at DESC, m.seq DESC, f.position LIMIT ?`,
        [...conversationIds, limit],
      );
      return rows.map((r): StoredGalleryFile => ({
        ...toStoredFile(r),
        conversationId: r.conversation_id!,
        messageId: r.message_id!,
        author: { kind: r.author_kind, name: r.author_name },
        sentAt: Number(r.sent_at),
      }));
    },
    async removeUnsentBefore(before, limit) {
      const rows = await sql.all<{ id: string }>(
        `DELETE FROM files WHERE id IN (
           SELECT id FROM files WHERE message_id IS NULL AND created_at < ? ORDER BY created_at LIMIT ?)
         AND message_id IS NULL RETURNING id`,
        [before, limit],
      );
      return rows.map((r) => r.id);
    },
    async usage(siteId) {
      const row = await sql.get<{ bytes: number | string | null; files: number | string }>(
        'SELECT SUM(size) AS bytes, COUNT(*) AS files FROM files WHERE site_id = ?',
        [siteId],
      );
      return { bytes: Number(row?.bytes ?? 0), files: Number(row?.files ?? 0) };
    },
    async rules(siteId) {
      const row = await sql.get<{ file_types: string | null; max_file_bytes: number | string | null }>(
        'SELECT file_types, max_file_bytes FROM sites WHERE id = ?',
        [siteId],
      );
      return {
        // Written only from a checked FileTypeGroup list.
        allowed: row?.file_types ? (JSON.parse(row.file_types) as FileTypeGroup[]) : null,
        maxFileBytes: row?.max_file_bytes == null ? null : Number(row.max_file_bytes),
      };
    },
    saveRules: (siteId, rules) =>
      write('UPDATE sites SET file_types = ?, max_file_bytes = ? WHERE id = ?', [
        rules.allowed === null ? null : JSON.stringify(rules.allowed),
        rules.maxFileBytes,
        siteId,
      ]),
    async installSecret(name, make) {
      await sql.run('INSERT INTO install_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [
        name,
        make(),
      ]);
      return (await sql.value<string>('SELECT value FROM install_secrets WHERE name = ?', [name]))!;
    },
  };
}
