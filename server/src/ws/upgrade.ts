// What a gateway does with an accepted WebSocket upgrade before it serves the socket.
import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';

/**
 * @fastify/websocket keeps the upgrade's request and reply for the socket's whole life (its error listener closes
 * over them, and the reply stays assigned to the TCP socket): several KB per idle visitor. The gateway reads what
 * it needs from the request at connect; here the socket lets go of both.
 */
export function letGoOfUpgrade(socket: WebSocket, log: FastifyBaseLogger): void {
  socket.removeAllListeners('error');
  socket.on('error', (err) => {
    log.debug({ err }, 'socket error');
    socket.terminate();
  });
  // ws keeps the TCP socket in `_socket`, and Node the response assigned to it in `_httpMessage` (neither typed).
  const transport = (socket as unknown as { _socket?: { _httpMessage?: unknown } })._socket;
  const response = transport?._httpMessage as { detachSocket?(socket: unknown): void } | undefined;
  response?.detachSocket?.(transport);
}
