// The baseline: a bare `ws` server that forwards every frame from a sender to one receiver, storing nothing.
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

export async function startBareRelay(): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  let receiver: WebSocket | null = null;
  wss.on('connection', (ws, req) => {
    if (req.url === '/receiver') receiver = ws;
    else ws.on('message', (data) => receiver?.send(data.toString()));
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  };
}
