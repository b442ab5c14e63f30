import { describe, expect, it, vi } from 'vitest';
import { fakeSockets } from '../test-utils/fake-socket.js';
import { tapSocket } from './tap-socket.js';

describe('tapSocket', () => {
  it('offers each frame to the listener before the client, and passes everything else through', () => {
    const network = fakeSockets();
    const order: string[] = [];
    const create = tapSocket(network.createSocket, (frame) => order.push(`tap ${frame.type}`));
    const socket = create('ws://x/ws/agent');
    const onopen = vi.fn();
    socket.onopen = onopen;
    socket.onmessage = (ev) => order.push(`client ${String(ev.data)}`);
    expect(network.last.url).toBe('ws://x/ws/agent');

    network.last.open();
    expect(onopen).toHaveBeenCalled();
    expect(socket.readyState).toBe(1);
    socket.send(JSON.stringify({ type: 'hello', v: 1 }));
    expect(network.last.sent).toEqual([{ type: 'hello', v: 1 }]);

    network.last.receive({ type: 'welcome' });
    network.last.onmessage?.({ data: 'not json' });
    network.last.onmessage?.({ data: '{"no":"type"}' });
    expect(order).toEqual([
      'tap welcome',
      'client {"type":"welcome"}',
      'client not json',
      'client {"no":"type"}',
    ]);

    const onclose = vi.fn();
    socket.onclose = onclose;
    socket.close(1000);
    expect(onclose).toHaveBeenCalledWith({ code: 1000, reason: '' });
    socket.onmessage = null;
    expect(network.last.onmessage).toBeNull();
  });

  it('still delivers the frame when the listener throws', () => {
    const network = fakeSockets();
    const socket = tapSocket(network.createSocket, () => {
      throw new Error('listener bug');
    })('ws://x');
    const client = vi.fn();
    socket.onmessage = client;
    expect(() => network.last.receive({ type: 'welcome' })).toThrow('listener bug');
    expect(client).toHaveBeenCalledTimes(1);
  });
});
