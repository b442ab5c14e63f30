// ReconnectingClient.cast: frames that need no answer (typing, read positions) go out only while online and are
// never queued for a later connection (a stale "typing" after a reconnect would mislead).
import { describe, expect, it } from 'vitest';
import { ReconnectingClient } from './reconnecting-client.js';
import { fakeNetwork } from './fake-socket.js';

describe('ReconnectingClient.cast', () => {
  it('sends while online, drops while offline, and never resends', () => {
    const net = fakeNetwork();
    const client = new ReconnectingClient<{ type: string }>({
      url: () => 'ws://test/ws',
      hello: () => ({ type: 'hello', v: 1 }),
      onFrame: () => {},
      createSocket: (url) => net.createSocket(url),
    });
    client.start();
    client.cast({ type: 'typing', typing: true });
    const socket = net.last;
    socket.open();
    socket.receive({ type: 'welcome', v: 1 });
    client.cast({ type: 'typing', typing: false });
    expect(socket.sentOfType('typing')).toEqual([{ type: 'typing', typing: false }]);
    expect(client.pending).toEqual([]);
    client.stop();
  });
});
