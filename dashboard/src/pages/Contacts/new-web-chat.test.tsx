// "New" on the web: the profile's dialog offers "Web chat" for a visitor the site has seen (they read it on their next
// visit), never for an SMS-only contact; texts keep working beside it.
import type { NewConversationBody } from '@livechat/shared/api';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch, type Handler } from '../../test-utils/fetch-mock.js';
import { agent, conversation, message } from '../../test-utils/fixtures.js';
import { contact } from '../../test-utils/sms-fixtures.js';
import { ContactsPage } from './contacts-page.js';

const VERA = contact({ id: 'ct-2', name: 'Vera Visitor', phone: null, email: 'vera@example.com', web: true });
const WEB_AND_PHONE = contact({ id: 'ct-3', name: 'Pat Both', web: true });
const SAM = contact();

const created = {
  conversation: conversation({
    id: 'c-7',
    number: 7,
    channel: 'web',
    visitorId: 'ct-2',
    startedByAgent: true,
  }),
  message: message(1, {
    conversationId: 'c-7',
    author: { kind: 'agent', id: 'ag-1', name: 'Ada Admin' },
    body: 'Your order is ready',
    clientId: 'aaaaaaaa1',
  }),
};

function setup(person: typeof VERA, routes: Record<string, Handler> = {}) {
  const http = mockFetch({
    'GET /api/sms/senders': () => ({ body: { senders: [] } }),
    [`GET /api/contacts/${person.id}`]: () => ({ body: { contact: person, conversations: [] } }),
    'POST /api/conversations': () => ({ body: created }),
    ...routes,
  });
  render(<ContactsPage contactId={person.id} agent={agent()} />);
  const posted = () =>
    http.calls.filter((c) => c.method === 'POST').map((c) => c.body as NewConversationBody);
  return { posted };
}

async function openDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'New' }));
  const dialog = screen.getByRole('dialog', { name: 'New message' });
  const channels = within(within(dialog).getByRole('radiogroup', { name: 'Channel' }));
  return { dialog, channels };
}

const write = (dialog: HTMLElement, body: string) =>
  fireEvent.input(within(dialog).getByRole('textbox', { name: 'Message' }), { target: { value: body } });

describe('New web chat', () => {
  it('starts with Web chat for a visitor without a number, and sends it to them by id', async () => {
    const { posted } = setup(VERA);
    const { dialog, channels } = await openDialog();
    expect(channels.getByRole<HTMLInputElement>('radio', { name: 'Web chat' }).checked).toBe(true);
    const to = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'To' });
    expect(to.value).toBe('Vera Visitor');
    expect(to.readOnly).toBe(true);
    expect(within(dialog).getByText(/they see it the next time they visit/)).toBeTruthy();
    // No SMS counter or limit on the web.
    write(dialog, 'x'.repeat(1700));
    expect(within(dialog).queryByText(/SMS segment/)).toBeNull();
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Send' }).disabled).toBe(false);
    write(dialog, 'Your order is ready');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(location.hash).toBe('#/inbox/c-7'));
    expect(posted()).toEqual([
      {
        siteId: 'site-1',
        channel: 'web',
        contactId: 'ct-2',
        clientId: expect.stringMatching(/^[0-9a-f]{32}$/),
        body: 'Your order is ready',
      },
    ]);
  });

  it('keeps Text message first for a visitor with a number, and switches to Web chat on request', async () => {
    const { posted } = setup(WEB_AND_PHONE);
    const { dialog, channels } = await openDialog();
    expect(channels.getByRole<HTMLInputElement>('radio', { name: 'Text message' }).checked).toBe(true);
    fireEvent.click(channels.getByRole('radio', { name: 'Web chat' }));
    write(dialog, 'Hi Pat');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ channel: 'web', contactId: 'ct-3', body: 'Hi Pat' });
  });

  it('offers no web chat to a contact who has never been on the site', async () => {
    setup(SAM);
    const { channels } = await openDialog();
    expect(channels.queryByRole('radio', { name: 'Web chat' })).toBeNull();
    expect(channels.getByRole<HTMLInputElement>('radio', { name: 'Text message' }).checked).toBe(true);
  });

  it("shows the server's refusal in words", async () => {
    setup(VERA, {
      'POST /api/conversations': () =>
        apiError(409, 'already_assigned', 'A colleague is already chatting with this visitor.'),
    });
    const { dialog } = await openDialog();
    write(dialog, 'Hello');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'A colleague is already chatting with this visitor.',
    );
  });
});
