// filesApi and the upload route against the real server: an agent uploads a file as the composer does (raw bytes to
// agentUploadUrl), the Gallery answers in its schema, and admins read and change a site's file rules.
import { describe, expect, it } from 'vitest';
import { UploadResponseSchema } from '@livechat/shared/api';
import { agentUploadUrl, filesApi, sitesApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate, visitorChat } from './setup.js';

/** A 1×1 PNG: the server decides the type by the bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

describe('filesApi', () => {
  it('uploads where the composer sends files, and lists the Gallery', async () => {
    const { app, admin } = await server();
    const { conversationId: id } = await visitorChat(app);
    const res = await admin.fetch(`${agentUploadUrl(id)}?name=dot.png&upload=${'a'.repeat(32)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Blob([PNG]),
    });
    expect(res.status).toBe(201);
    const { file } = UploadResponseSchema.parse(await res.json());
    expect(file).toMatchObject({ name: 'dot.png', mime: 'image/png', kind: 'image' });
    // Uploaded, not sent yet: not in the Gallery.
    await as(admin, async () => expect(await filesApi.gallery(id)).toEqual([]));
  });

  it('reads and saves a site’s file rules (admins only)', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const siteId = (await as(admin, () => sitesApi.list()))[0]!.id;
    await as(admin, async () => {
      const before = await filesApi.settings(siteId);
      expect(before.maxFileBytes).toBeNull();
      const saved = await filesApi.saveSettings(siteId, {
        allowed: ['image', 'pdf'],
        maxFileBytes: 5 * 1024 * 1024,
      });
      expect(saved).toMatchObject({ allowed: ['image', 'pdf'], maxFileBytes: 5 * 1024 * 1024 });
      expect(await filesApi.settings(siteId)).toEqual(saved);
    });
    await as(ann.browser, async () => {
      await failure(filesApi.settings(siteId), 'forbidden', 403);
    });
  });
});
