// A TCP proxy in front of the chat server that can cut the visitors' WebSocket connections mid-stream, the way a
// flaky phone network does, while the dashboard's connections through the same origin stay up.
import net from 'node:net';

export interface FaultyProxy {
  port: number;
  /** Destroys every live visitor WebSocket connection; returns how many were cut. */
  cutVisitorSockets(): number;
  /** While true, new visitor WebSocket connections are refused (reset) at once. */
  blockVisitors: boolean;
  close(): Promise<void>;
}

const isVisitorUpgrade = (firstChunk: Buffer) =>
  /^GET \/ws\/visitor[?\s]/.test(firstChunk.toString('latin1', 0, 64));

export async function startFaultyProxy(targetPort: number, port = 0): Promise<FaultyProxy> {
  const visitorSockets = new Set<net.Socket>();
  const all = new Set<net.Socket>();
  const proxy: Partial<FaultyProxy> = { blockVisitors: false };
  const server = net.createServer((client) => {
    all.add(client);
    client.once('data', (first) => {
      const visitor = isVisitorUpgrade(first);
      if (visitor && proxy.blockVisitors) return client.destroy();
      const upstream = net.connect(targetPort, '127.0.0.1');
      all.add(upstream);
      if (visitor) visitorSockets.add(client);
      upstream.write(first);
      client.pipe(upstream).pipe(client);
      const cleanup = () => {
        client.destroy();
        upstream.destroy();
        visitorSockets.delete(client);
        all.delete(client);
        all.delete(upstream);
      };
      client.on('close', cleanup).on('error', cleanup);
      upstream.on('close', cleanup).on('error', cleanup);
    });
    client.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return Object.assign(proxy, {
    port: (server.address() as net.AddressInfo).port,
    cutVisitorSockets() {
      const n = visitorSockets.size;
      for (const s of visitorSockets) s.destroy();
      return n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of all) s.destroy();
        server.close(() => resolve());
      }),
  }) as FaultyProxy;
}
