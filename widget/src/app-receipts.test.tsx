// Typing and seen receipts in the widget: "Ann is typing…" (forgotten after 5 s without news), "Seen" under the
// visitor's latest message once the team has read it, the read position sent while the panel is open, the visitor's
// typing (throttled; the draft only where the site shares it), and the privacy note when it does.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, within } from '@testing-library/preact';
import { TOKEN, SITE, agentMessage, visitorMessage, welcome } from './testing/fake-socket.js';
import { mountForTest, server } from './testing/mount.js';

describe('typing and seen in the widget', () => {
  it('shows the agent typing and Seen, sends its read position and its typing without the draft', async () => {
    const { net, root } = mountForTest();
    await server(() => {
      net.last.open();
      net.last.receive(welcome('c1', TOKEN, { history: ['c1'] }));
      net.last.receive({ type: 'message.created', message: visitorMessage(1, 'v-1', 'Hello') });
      net.last.receive({ type: 'message.created', message: agentMessage(2, { body: 'Hi!' }) });
    });
    // The panel is open: the read position follows the messages shown.
    await vi.waitFor(() =>
      expect(net.last.sentOfType('read')).toEqual([{ type: 'read', conversationId: 'c1', seq: 2 }]),
    );

    await server(() => net.last.receive({ type: 'typing', conversationId: 'c1', name: 'Ann', typing: true }));
    await vi.waitFor(() => expect(within(root).getByText('Ann is typing…')).toBeTruthy());
    await server(() =>
      net.last.receive({ type: 'typing', conversationId: 'c1', name: 'Ann', typing: false }),
    );
    await vi.waitFor(() => expect(within(root).queryByText('Ann is typing…')).toBeNull());

    await server(() =>
      net.last.receive({ type: 'message.created', message: visitorMessage(3, 'v-3', 'One more') }),
    );
    expect(within(root).queryByText('Seen')).toBeNull();
    await server(() => net.last.receive({ type: 'read.moved', conversationId: 'c1', seq: 3, readAt: 1 }));
    await vi.waitFor(() => expect(within(root).getByText('Seen')).toBeTruthy());
    // Not shared on this site: no note, and the draft stays in the browser.
    expect(within(root).queryByText(/can see what you type/)).toBeNull();
    const box = within(root).getByRole('textbox', { name: 'Message' });
    for (const value of ['a', 'ab', 'abc']) fireEvent.input(box, { target: { value } });
    // The typing code is a chunk fetched at the first keystroke.
    await vi.waitFor(() => expect(net.last.sentOfType('typing')).toHaveLength(1));
    expect(net.last.sentOfType('typing')).toEqual([{ type: 'typing', typing: true }]);
  });

  it('tells the visitor when the site shares typing previews, and sends the draft then', async () => {
    const { net, root } = mountForTest();
    await server(() => {
      net.last.open();
      net.last.receive(welcome('c1', TOKEN, { site: { ...SITE, typingPreview: true } }));
    });
    await vi.waitFor(() =>
      expect(within(root).getByText('Our team can see what you type before you send it.')).toBeTruthy(),
    );
    fireEvent.input(within(root).getByRole('textbox', { name: 'Message' }), {
      target: { value: 'my draft' },
    });
    await vi.waitFor(() =>
      expect(net.last.sentOfType('typing')).toEqual([{ type: 'typing', typing: true, text: 'my draft' }]),
    );
  });
});
