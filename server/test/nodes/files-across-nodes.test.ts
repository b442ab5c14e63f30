// Files on two nodes (PostgreSQL + Redis): a file a visitor uploads to one node is sent and served by the other (bytes
// in the database, the URL key shared), and the per-visitor upload limit is one limit for both nodes.
import { afterEach, expect, it } from 'vitest';
import { UploadResponseSchema } from '@livechat/shared/api';
import { MessageSchema, type Attachment } from '@livechat/shared/model';
import { png } from '../../src/domain/media/fixtures/bytes.js';
import {
  cid,
  connectAgent,
  connectVisitor,
  say,
  signIn,
  SITE_KEY,
  SITE_ORIGIN,
  startCluster,
  stopClusters,
  type Frame,
  type ServerNode,
} from './cluster.js';

afterEach(async () => {
  await stopClusters();
}, 30_000);

async function upload(node: ServerNode, token: string, name: string): Promise<Response> {
  return fetch(`${node.url}/api/widget/files?siteKey=${SITE_KEY}&name=${name}&upload=${cid('up')}`, {
    method: 'POST',
    headers: {
      origin: SITE_ORIGIN,
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
    },
    body: new Uint8Array(png()),
  });
}

it(
  'uploads on one node, sends and serves on the other, under one upload limit',
  { timeout: 120_000 },
  async () => {
    const { a, b } = await startCluster(2);
    const admin = await signIn(a);
    const agentOnA = await connectAgent(a, admin);
    const { socket, welcome } = await connectVisitor(b);
    const token = welcome.token!;

    // Uploaded to A, sent through B: B finds the file A stored.
    const res = await upload(a, token, 'shot.png');
    expect(res.status).toBe(201);
    const file: Attachment = UploadResponseSchema.parse(await res.json()).file;
    const message = MessageSchema.parse(await say(socket, 'from my phone', { attachments: [file.id] }));
    expect(message.attachments?.[0]?.id).toBe(file.id);
    const seen = await agentOnA.waitFor<Frame & { message: unknown }>(
      (f) => f.type === 'message.created' && (f.message as { id: string }).id === message.id,
    );
    const url = MessageSchema.parse(seen.message).attachments![0]!.url;

    // Signed by A, fetched from B (the bytes in the database, the signing key shared).
    const fromB = await fetch(b.url + url, { headers: { cookie: admin } });
    expect(fromB.status).toBe(200);
    expect(Buffer.from(await fromB.arrayBuffer()).equals(png())).toBe(true);
    const visitorFromA = await fetch(a.url + message.attachments![0]!.url, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(visitorFromA.status).toBe(200);

    // 20 uploads per visitor in a burst, counted by both nodes together.
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push((await upload(i % 2 ? a : b, token, `n${i}.png`)).status);
    expect(statuses.filter((s) => s === 201).length).toBe(19); // one of the burst went to the first upload
    expect(statuses.at(-1)).toBe(429);
  },
);
