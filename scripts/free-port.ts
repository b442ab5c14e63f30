// A TCP port free on loopback right now, for the processes the tests and the bench start (servers, demo sites,
// proxies): the OS picks it, and it is released before the caller binds it.
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
