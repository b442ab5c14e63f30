import type { WebSocket } from 'ws';
import { CloseCode } from '@livechat/shared/protocol/constants';

/**
 * Closes every socket with "going away" and waits for the close handshakes, at most `graceMs`;
 * sockets still open then are terminated, so shutdown always ends in bounded time.
 */
export async function closeAllSockets(sockets: Set<WebSocket>, graceMs: number): Promise<void> {
  const open = [...sockets];
  await Promise.all(
    open.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === socket.CLOSED) return resolve();
          const timer = setTimeout(() => {
            socket.terminate();
            resolve();
          }, graceMs);
          socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          socket.close(CloseCode.GoingAway, 'server shutting down');
        }),
    ),
  );
}
