// The baselines: a bare `ws` server that forwards every frame from a sender to one receiver, storing nothing;
// with `ack`, it also answers the sender with a small ack frame, as our protocol does, so the comparison can
// separate the cost of the protocol's frames from the cost of validating and storing.
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

export async function startBareRelay({
  ack,
}: {
  ack: boolean;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  let receiver: WebSocket | null = null;
  wss.on('connection', (ws, req) => {
    if (req.url === '/receiver') receiver = ws;
    else
      ws.on('message', (data) => {
        const text = data.toString();
        receiver?.send(text);
        if (ack) ws.send(`{"type":"ack","id":${JSON.stringify((JSON.parse(text) as { id: string }).id)}}`);
      });
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
