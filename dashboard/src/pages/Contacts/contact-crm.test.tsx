import {
  ContactCrmBodySchema,
  ContactNoteSchema,
  type ContactCrm,
  type ContactNote,
} from '@livechat/shared/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch, type Handler } from '../../test-utils/fetch-mock.js';
import { fieldError } from '../../test-utils/field-error.js';
import { agent, build, T0 } from '../../test-utils/fixtures.js';
import { contact } from '../../test-utils/sms-fixtures.js';
import { ContactNotesSection } from '../Inbox/contact-notes-section.js';
import { ContactsPage } from './contacts-page.js';

const VERA = contact({ id: 'ct-2', name: 'Vera Novak', phone: null, email: 'vera@example.com' });
const SAM = contact({ id: 'ct-1', name: 'Sam Texter' });

const note = (over: Partial<ContactNote> = {}): ContactNote =>
  build(ContactNoteSchema, {
    id: 'n-1',
    contactId: 'ct-2',
    author: { id: 'ag-1', name: 'Ada Admin' },
    body: 'Renewal in March',
    createdAt: T0,
    ...over,
  });

const crm = (over: Partial<ContactCrm> = {}): ContactCrm =>
  build(ContactCrmBodySchema, {
    details: { name: 'Vera Novak', email: 'vera@example.com', phone: '', smsAddress: null },
    attributes: [{ key: 'Plan', value: 'Pro' }],
    tags: ['vip'],
    notes: [note(), note({ id: 'n-2', author: { id: 'ag-9', name: 'Ben' }, body: 'Call after 5' })],
    duplicates: [{ contact: SAM, reason: 'phone' }],
    ...over,
  });

function setup(role: 'admin' | 'agent', routes: Record<string, Handler> = {}) {
  const http = mockFetch({
    'GET /api/sms/senders': () => ({ body: { senders: [] } }),
    'GET /api/contacts/ct-2': () => ({ body: { contact: VERA, conversations: [] } }),
    'GET /api/contacts/ct-2/crm': () => ({ body: crm() }),
    ...routes,
  });
  render(<ContactsPage contactId="ct-2" agent={agent({ role })} />);
  const sent = (method: string, path: string) =>
    http.calls.filter((c) => c.method === method && c.url === path).map((c) => c.body);
  return { http, sent };
}

afterEach(() => vi.restoreAllMocks());

describe('Contact profile: the CRM view', () => {
  it('saves the details and shows the server’s word beside a refused field', async () => {
    let refuse = true;
    const { sent } = setup('agent', {
      'PUT /api/contacts/ct-2/details': (call) =>
        refuse
          ? {
              status: 400,
              body: {
                error: {
                  code: 'invalid_request',
                  message: 'The request is invalid.',
                  details: [{ path: 'body.phone', message: 'This phone number is too short.' }],
                },
              },
            }
          : { body: { contact: { ...VERA, name: (call.body as { name: string }).name } } },
    });
    const form = await screen.findByRole('form', { name: 'Edit contact details' });
    const phone = within(form).getByRole('textbox', { name: /Phone/ });
    fireEvent.input(phone, { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(fieldError(phone)).toBe('This phone number is too short.'));

    refuse = false;
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), { target: { value: 'Vera N.' } });
    fireEvent.input(phone, { target: { value: '+386 40 123 456' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save details' }));
    expect(await screen.findByRole('heading', { name: 'Vera N.', level: 1 })).toBeTruthy();
    expect(sent('PUT', '/api/contacts/ct-2/details').at(-1)).toEqual({
      name: 'Vera N.',
      email: 'vera@example.com',
      phone: '+386 40 123 456',
    });
  });

  it('adds, changes and removes attributes, saved together; adds a tag', async () => {
    const { sent } = setup('agent', {
      'PUT /api/contacts/ct-2/attributes': (call) => ({ body: call.body }),
      'PUT /api/contacts/ct-2/tags': (call) => ({ body: call.body }),
    });
    const card = await screen.findByRole('region', { name: 'Attributes' });
    fireEvent.click(within(card).getByRole('button', { name: 'Add attribute' }));
    fireEvent.input(within(card).getByRole('textbox', { name: 'Attribute 2 name' }), {
      target: { value: 'Seats' },
    });
    fireEvent.input(within(card).getByRole('textbox', { name: 'Attribute 2 value' }), {
      target: { value: '12' },
    });
    fireEvent.input(within(card).getByRole('textbox', { name: 'Attribute 1 value' }), {
      target: { value: 'Team' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Save attributes' }));
    await within(card).findByText('Saved');
    fireEvent.click(within(card).getByRole('button', { name: 'Remove attribute Seats' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Save attributes' }));
    await waitFor(() => expect(sent('PUT', '/api/contacts/ct-2/attributes')).toHaveLength(2));
    expect(sent('PUT', '/api/contacts/ct-2/attributes')).toEqual([
      {
        attributes: [
          { key: 'Plan', value: 'Team' },
          { key: 'Seats', value: '12' },
        ],
      },
      { attributes: [{ key: 'Plan', value: 'Team' }] },
    ]);

    const tags = screen.getByRole('region', { name: 'Tags' });
    fireEvent.input(within(tags).getByRole('textbox', { name: 'Add tag' }), { target: { value: 'Renewal' } });
    fireEvent.click(within(tags).getByRole('button', { name: 'Add tag' }));
    await within(tags).findByText('renewal');
    expect(sent('PUT', '/api/contacts/ct-2/tags')).toEqual([{ tags: ['vip', 'renewal'] }]);
  });

  it('adds a note and deletes only the agent’s own', async () => {
    const { sent } = setup('agent', {
      'POST /api/contacts/ct-2/notes': () => ({
        status: 201,
        body: { note: note({ id: 'n-3', body: 'Prefers email' }) },
      }),
      'DELETE /api/contacts/ct-2/notes/n-1': () => ({ status: 204 }),
    });
    const card = await screen.findByRole('region', { name: 'Notes' });
    expect(within(card).getAllByRole('button', { name: /^Delete note/ })).toHaveLength(1);
    fireEvent.input(within(card).getByRole('textbox', { name: 'New note' }), {
      target: { value: 'Prefers email' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Add note' }));
    await within(card).findByText('Prefers email');
    expect(sent('POST', '/api/contacts/ct-2/notes')).toEqual([{ body: 'Prefers email' }]);
    fireEvent.click(within(card).getAllByRole('button', { name: 'Delete note by Ada Admin' })[0]!);
    await waitFor(() => expect(within(card).queryByText('Renewal in March')).toBeNull());
    expect(within(card).getByText('Call after 5')).toBeTruthy();
  });

  it('lets admins merge a possible duplicate after confirming, showing a refusal in words', async () => {
    let refuse = true;
    const { sent } = setup('admin', {
      'POST /api/contacts/ct-2/merge': () =>
        refuse
          ? apiError(
              409,
              'conflict',
              'Both contacts have an open website chat conversation. Close conversation #12 or #15 first.',
            )
          : { body: { contact: VERA, movedConversations: 1 } },
    });
    expect(await screen.findByText(/Possible duplicate:/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge Sam Texter into Vera Novak?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(await within(dialog).findByText(/Close conversation #12 or #15 first\./)).toBeTruthy();
    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('POST', '/api/contacts/ct-2/merge')).toEqual([{ otherId: 'ct-1' }, { otherId: 'ct-1' }]);
  });

  it('offers agents no Merge and no Export contact; admins download the export', async () => {
    setup('agent');
    expect(await screen.findByText(/Possible duplicate:/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Merge' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export contact' })).toBeNull();
  });

  it('downloads the export from the server’s link', async () => {
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    setup('admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Export contact' }));
    expect(clicked.map((a) => [a.getAttribute('href'), a.download])).toEqual([
      ['/api/contacts/ct-2/export', 'contact-ct-2.json'],
    ]);
  });
});

describe('Contact notes beside a conversation', () => {
  it('lists the contact’s notes from every conversation and links to the contact', async () => {
    mockFetch({
      'GET /api/conversations/c-1/contact-notes': () => ({ body: { notes: [note()] } }),
    });
    render(<ContactNotesSection conversationId="c-1" contactId="ct-2" />);
    const section = await screen.findByRole('region', { name: 'Contact notes' });
    expect(await within(section).findByText('Renewal in March')).toBeTruthy();
    expect(within(section).getByText('Ada Admin')).toBeTruthy();
    expect(within(section).queryByRole('button')).toBeNull();
    expect(within(section).getByRole('link', { name: 'Open contact' }).getAttribute('href')).toBe(
      '#/contacts/ct-2',
    );
  });
});
