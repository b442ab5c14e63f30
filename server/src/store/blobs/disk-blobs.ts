// Uploaded files' bytes on the local disk under DATA_DIR (one node). Several nodes need a shared blob store instead.
// A file is written under a temporary name, flushed, then renamed: a crash leaves either the whole file or none.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from '../../domain/media/blob-store.js';

/** Keys are ours (random ids), never a user's file name; anything else is refused before it reaches a path. */
const KEY = /^[A-Za-z0-9_-]{8,128}$/;

export function createDiskBlobs(root: string): BlobStore {
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
    // Two levels of folders keep directories small with many files.
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomUUID()}.tmp`;
      const handle = await fs.open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, file);
    },
    async get(key) {
      try {
        return await fs.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
