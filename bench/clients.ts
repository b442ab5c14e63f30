// Bench clients over `ws`: open a socket and read JSON frames.
import WebSocket from 'ws';

export function open(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { headers: { origin } } : {});
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

export function nextFrame(
  ws: WebSocket,
  match: (f: { type: string }) => boolean,
): Promise<{ type: string; [k: string]: unknown }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as { type: string };
      if (match(frame)) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
  });
}
