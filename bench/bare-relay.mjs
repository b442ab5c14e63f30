// The baseline, run as its own process like the server under test (`node bench/bare-relay.mjs`, plain JavaScript):
// a bare `ws` server that forwards every frame from any socket to the one receiver (path /receiver), storing and
// checking nothing. Listens on 127.0.0.1:$PORT and prints `listening <port>` once it does.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
let receiver = null;
wss.on('connection', (ws, req) => {
  if (req.url === '/receiver') receiver = ws;
  else ws.on('message', (data) => receiver?.send(data.toString()));
});
wss.once('listening', () => console.log(`listening ${wss.address().port}`));
process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  wss.close(() => process.exit(0));
});
