import { SmsSenderSchema, type NewConversationBody, type SmsSender } from '@livechat/shared/api';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch, type Handler } from '../../test-utils/fetch-mock.js';
import { fieldError } from '../../test-utils/field-error.js';
import { agent, conversation, message } from '../../test-utils/fixtures.js';
import { contact } from '../../test-utils/sms-fixtures.js';
import { ContactsPage } from './contacts-page.js';

const SAM = contact();
const VERA = contact({
  id: 'ct-2',
  name: 'Vera Visitor',
  phone: null,
  email: 'vera@example.com',
  smsOptedOut: false,
});
const OLI = contact({ id: 'ct-3', name: 'Oli Out', phone: '+442079460958', smsOptedOut: true });

const created = {
  conversation: conversation({
    id: 'c-9',
    number: 9,
    channel: 'sms',
    visitorId: 'ct-1',
    visitorName: 'Sam Texter',
  }),
  message: message(1, {
    conversationId: 'c-9',
    author: { kind: 'agent', id: 'ag-1', name: 'Ada Admin' },
    body: 'Hello Sam',
    clientId: 'aaaaaaaa1',
    delivery: { status: 'queued', error: null },
  }),
};

interface Setup {
  contactId?: string | null;
  role?: 'admin' | 'agent';
  routes?: Record<string, Handler>;
}

function setup({ contactId = null, role = 'agent', routes = {} }: Setup = {}) {
  const http = mockFetch({
    'GET /api/sms/senders': () => ({ body: { senders: [sender()] } }),
    'GET /api/contacts': (call) => {
      const q = new URL(call.url, 'http://x').searchParams.get('q')?.toLowerCase() ?? '';
      return { body: { contacts: [SAM, VERA, OLI].filter((c) => c.name.toLowerCase().includes(q)) } };
    },
    'POST /api/conversations': () => ({ body: created }),
    ...routes,
  });
  render(<ContactsPage contactId={contactId} agent={agent({ role })} />);
  const posted = () =>
    http.calls.filter((c) => c.method === 'POST').map((c) => c.body as NewConversationBody);
  return { http, posted };
}

function sender(overrides: Partial<SmsSender> = {}): SmsSender {
  return SmsSenderSchema.parse({
    siteId: 'site-1',
    siteName: 'Demo site',
    number: '+12025550100',
    enabled: true,
    ...overrides,
  });
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Contacts' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      Array.from(r.querySelectorAll('td'))
        .slice(0, 3)
        .map((td) => td.textContent),
    );

async function openDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'New' }));
  return screen.getByRole('dialog', { name: 'New message' });
}

describe('Contacts list', () => {
  it('lists contacts with their formatted phone, email and opt-out, each linking to the profile', async () => {
    setup();
    await screen.findByRole('table', { name: 'Contacts' });
    expect(rows()).toEqual([
      ['Sam Texter', '+1 415 555 0100', '—'],
      ['Vera Visitor', '—', 'vera@example.com'],
      ['Oli OutOpted out', '+44 20 7946 0958', '—'],
    ]);
    expect(screen.getByRole('link', { name: 'Sam Texter' }).getAttribute('href')).toBe('#/contacts/ct-1');
    expect(screen.getAllByText('Opted out')).toHaveLength(1);
  });

  it('searches after typing pauses', async () => {
    const { http } = setup();
    await screen.findByRole('table', { name: 'Contacts' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search contacts' }), {
      target: { value: 'vera' },
    });
    await waitFor(() => expect(rows()).toEqual([['Vera Visitor', '—', 'vera@example.com']]));
    expect(http.calls.map((c) => c.url)).toContain('/api/contacts?q=vera');

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search contacts' }), {
      target: { value: 'nobody' },
    });
    expect(await screen.findByText('No contacts match “nobody”.')).toBeTruthy();
  });
});

describe('Contact profile', () => {
  it('shows the contact and their conversations on every channel, each linking to the inbox', async () => {
    setup({
      contactId: 'ct-3',
      routes: {
        'GET /api/contacts/ct-3': () => ({
          body: {
            contact: OLI,
            conversations: [
              conversation({ id: 'c-12', number: 12, channel: 'sms', lastMessagePreview: 'STOP' }),
              conversation({
                id: 'c-7',
                number: 7,
                channel: 'web',
                status: 'closed',
                closedAt: 1,
                lastMessagePreview: 'Thanks!',
              }),
            ],
          },
        }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'Oli Out', level: 1 })).toBeTruthy();
    expect(screen.getByText('+44 20 7946 0958')).toBeTruthy();
    expect(
      screen.getByText(
        'Opted out of texts: they texted STOP. They must text START before you can text them.',
      ),
    ).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Conversations' });
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/inbox/c-12', '#/inbox/c-7']);
    expect(within(links[0]!).getByRole('img', { name: 'SMS' })).toBeTruthy();
    expect(links[0]!.textContent).toMatch(/#12.*Open.*STOP/);
    expect(within(links[1]!).getByRole('img', { name: 'Web chat' })).toBeTruthy();
    expect(links[1]!.textContent).toMatch(/#7.*Closed.*Thanks!/);
    expect(screen.getByRole('link', { name: 'All contacts' }).getAttribute('href')).toBe('#/contacts');
  });

  it('says so for a contact the agent may not see', async () => {
    setup({
      contactId: 'nope',
      routes: { 'GET /api/contacts/nope': () => apiError(404, 'not_found', 'Not found') },
    });
    expect(await screen.findByText('Contact not found.')).toBeTruthy();
  });

  it('texts the contact from their profile with their number filled in, then opens the conversation', async () => {
    const { posted } = setup({
      contactId: 'ct-1',
      routes: { 'GET /api/contacts/ct-1': () => ({ body: { contact: SAM, conversations: [] } }) },
    });
    const dialog = await openDialog();
    const to = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'To' });
    expect(to.value).toBe('+1 415 555 0100');
    expect(to.readOnly).toBe(true);
    // One site per contact: no site to choose.
    expect(within(dialog).queryByRole('combobox', { name: 'From' })).toBeNull();
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Message' }), {
      target: { value: 'Hello Sam' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(location.hash).toBe('#/inbox/c-9'));
    expect(posted()).toEqual([
      {
        siteId: 'site-1',
        channel: 'sms',
        contactId: 'ct-1',
        clientId: expect.stringMatching(/^[0-9a-f]{32}$/),
        body: 'Hello Sam',
      },
    ]);
  });
});

describe('New message', () => {
  it('offers Text message, checks the number, counts segments and sends to the number typed', async () => {
    const { posted } = setup();
    const dialog = await openDialog();
    const channel = within(dialog).getByRole('radiogroup', { name: 'Channel' });
    const sms = within(channel).getByRole<HTMLInputElement>('radio', { name: 'Text message' });
    expect(sms.checked).toBe(true);

    const to = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'To' });
    fireEvent.input(to, { target: { value: '415 555' } });
    fireEvent.blur(to);
    expect(fieldError(to)).toBe('Add the country code, starting with + (for example +1 415 555 0100).');

    const box = within(dialog).getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'x'.repeat(161) } });
    expect(within(dialog).getByText('161 characters · 2 SMS segments')).toBeTruthy();
    fireEvent.input(box, { target: { value: 'x'.repeat(1601) } });
    expect(within(dialog).getByRole('alert').textContent).toMatch(/at most 1,600 characters/);
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Send' }).disabled).toBe(true);
    fireEvent.input(box, { target: { value: 'Your order is ready' } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(fieldError(to)).toBe('Add the country code, starting with + (for example +1 415 555 0100).'),
    );
    expect(posted()).toEqual([]);

    fireEvent.input(to, { target: { value: '+1 (415) 555-0100' } });
    fireEvent.blur(to);
    expect(fieldError(to)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(location.hash).toBe('#/inbox/c-9'));
    expect(posted()).toEqual([
      {
        siteId: 'site-1',
        channel: 'sms',
        to: '+14155550100',
        clientId: expect.stringMatching(/^[0-9a-f]{32}$/),
        body: 'Your order is ready',
      },
    ]);
  });

  it("shows the server's refusal in the dialog, in words", async () => {
    setup({
      routes: {
        'POST /api/conversations': () =>
          apiError(
            409,
            'sms_opted_out',
            'This contact texted STOP. They must text START before you can text them.',
          ),
      },
    });
    const dialog = await openDialog();
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'To' }), {
      target: { value: '+442079460958' },
    });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Message' }), { target: { value: 'Hi' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This contact texted STOP. They must text START before you can text them.',
    );
    expect(location.hash).toBe('');
    expect(screen.getByRole('dialog', { name: 'New message' })).toBeTruthy();
  });

  it('asks for the number to text from when there are several, and closes on Cancel', async () => {
    const { posted } = setup({
      routes: {
        'GET /api/sms/senders': () => ({
          body: {
            senders: [sender(), sender({ siteId: 'site-2', siteName: 'Shop', number: '+12025550101' })],
          },
        }),
      },
    });
    await screen.findByRole('table', { name: 'Contacts' });
    let dialog = await openDialog();
    const select = await within(dialog).findByRole('combobox', { name: 'From' });
    expect(within(select).getByRole('option', { name: '+1 202 555 0101 (Shop)' })).toBeTruthy();
    fireEvent.change(select, { target: { value: 'site-2' } });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'To' }), {
      target: { value: '+14155550100' },
    });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Message' }), { target: { value: 'Hi' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]!.siteId).toBe('site-2');

    location.hash = '';
    dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New' }));
  });

  it("lets agents text from the site's connected number without the admins' site list", async () => {
    const { http, posted } = setup();
    await screen.findByRole('table', { name: 'Contacts' });
    const dialog = await openDialog();
    expect(within(dialog).queryByRole('combobox', { name: 'From' })).toBeNull();
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'To' }), {
      target: { value: '+14155550100' },
    });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Message' }), { target: { value: 'Hi' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]!.siteId).toBe('site-1');
    expect(http.calls.some((c) => c.url === '/api/sites')).toBe(false);
  });
});

describe('Delete contact', () => {
  const profile = {
    'GET /api/contacts/ct-1': () => ({ body: { contact: SAM, conversations: [conversation()] } }),
  };

  it('is only for admins', async () => {
    setup({ contactId: 'ct-1', role: 'agent', routes: profile });
    expect(await screen.findByRole('heading', { name: 'Sam Texter', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete contact' })).toBeNull();
  });

  it('asks first, naming what goes; Cancel deletes nothing, Delete deletes and goes back to the list', async () => {
    location.hash = '#/contacts/ct-1';
    const { http } = setup({
      contactId: 'ct-1',
      role: 'admin',
      routes: { ...profile, 'DELETE /api/contacts/ct-1': () => ({ status: 204 }) },
    });
    const button = await screen.findByRole('button', { name: 'Delete contact' });
    fireEvent.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Delete Sam Texter?' });
    expect(dialog.textContent).toContain(
      'This deletes Sam Texter for good, with every conversation with them on every channel',
    );
    expect(dialog.textContent).toContain("It can't be undone.");
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(http.calls.filter((c) => c.method === 'DELETE')).toEqual([]);

    fireEvent.click(button);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(location.hash).toBe('#/contacts'));
    expect(http.calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/api/contacts/ct-1']);
  });

  it("shows the server's refusal in the dialog", async () => {
    location.hash = '#/contacts/ct-1';
    setup({
      contactId: 'ct-1',
      role: 'admin',
      routes: {
        ...profile,
        'DELETE /api/contacts/ct-1': () => apiError(403, 'forbidden', 'Only admins can delete contacts.'),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete contact' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Sam Texter?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Only admins can delete contacts.');
    expect(location.hash).toBe('#/contacts/ct-1');
  });
});
