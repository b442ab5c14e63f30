// Oversized bodies and header floods are refused with 4xx, and the server keeps serving.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeApp } from './helper.js';

let app: FastifyInstance;
afterEach(() => app?.close());

function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let response = '';
    socket.on('data', (d) => (response += d.toString()));
    socket.on('close', () => resolve(response));
    socket.on('error', reject);
  });
}

describe('request limits', () => {
  it('answers a body over 64 KB with 413 payload_too_large', async () => {
    app = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@example.com', password: 'x'.repeat(70 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers a header flood with 431 and stays up', async () => {
    app = await makeApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const flood = Array.from({ length: 2000 }, (_, i) => `X-Flood-${i}: ${'y'.repeat(50)}`).join('\r\n');
    const response = await rawRequest(port, `GET /api/health HTTP/1.1\r\nHost: x\r\n${flood}\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1\.1 431/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  });
});
