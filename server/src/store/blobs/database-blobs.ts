// Files' bytes in the database (table file_blobs): the shared store when several nodes serve one deployment, with no
// other service to run. Fine for the files a chat carries (25 MB at most each); object storage scales further.
import type { BlobStore } from '../../domain/media/blob-store.js';
import type { Sql } from '../sql/sql.js';

export function createDatabaseBlobs(sql: Sql): BlobStore {
  return {
    async put(key, bytes) {
      await sql.run(
        'INSERT INTO file_blobs (key, bytes) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET bytes = excluded.bytes',
        [key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
      );
    },
    async get(key) {
      const row = await sql.get<{ bytes: Buffer }>('SELECT bytes FROM file_blobs WHERE key = ?', [key]);
      return row ? Buffer.from(row.bytes) : null;
    },
    async delete(key) {
      await sql.run('DELETE FROM file_blobs WHERE key = ?', [key]);
    },
  };
}
