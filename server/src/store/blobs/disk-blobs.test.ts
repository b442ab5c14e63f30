import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiskBlobs } from './disk-blobs.js';

let root: string | undefined;
afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});
const blobs = () => createDiskBlobs((root = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-blobs-'))));

describe('disk blobs', () => {
  it('stores, reads, replaces and deletes bytes by key, leaving no temporary files', async () => {
    const store = blobs();
    const key = 'f3b1c2d4-aaaa-bbbb';
    expect(await store.get(key)).toBeNull();
    await store.put(key, new Uint8Array([1, 2, 3]));
    expect([...(await store.get(key))!]).toEqual([1, 2, 3]);
    await store.put(key, new Uint8Array([4]));
    expect([...(await store.get(key))!]).toEqual([4]);
    const dir = path.join(root!, 'f3', 'b1');
    expect(fs.readdirSync(dir)).toEqual([key]);
    expect(fs.statSync(path.join(dir, key)).mode & 0o777).toBe(0o600);
    await store.delete(key);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it('refuses keys that are not ids, so no name can reach a path', async () => {
    const store = blobs();
    for (const key of ['../../etc/passwd', 'a/b/cdefghij', 'short', 'x'.repeat(200), 'name with spaces'])
      await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow('not a blob key');
    expect(fs.readdirSync(root!)).toEqual([]);
  });
});
