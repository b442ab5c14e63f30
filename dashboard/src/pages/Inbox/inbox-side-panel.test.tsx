// The side column: the details form (pre-filled, saved, checked), leads and deals, tags, earlier conversations.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import type { Call } from '../../test-utils/fetch-mock.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation, T0 } from '../../test-utils/fixtures.js';
import { crmRecord, details } from '../../test-utils/inbox-fixtures.js';
import { UNSAVED_DETAILS_QUESTION } from './details-form.js';

const filled = details({ contactName: 'Vera Visitor', email: 'vera@example.com', organizationName: 'Acme' });

const field = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });
const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const dealValue = () => screen.getByLabelText<HTMLInputElement>('Deal value');
const refusal = (path: string, message: string) => ({
  status: 400,
  body: { error: { code: 'invalid_request', message: 'Invalid request', details: [{ path, message }] } },
});

async function openDetails(routes: Parameters<typeof setupApp>[0] = {}) {
  location.hash = '#/inbox/c-1';
  const app = setupApp({
    ...routes,
    routes: { 'GET /api/conversations/c-1/details': () => ({ body: { details: filled } }), ...routes.routes },
  });
  await app.connect();
  await waitFor(() => expect(field('Contact name').value).toBe('Vera Visitor'));
  return app;
}

describe('Inbox side panel', () => {
  it('pre-fills the details, saves them and says so', async () => {
    const { http } = await openDetails({
      routes: {
        'PUT /api/conversations/c-1/details': ({ body }: Call) => ({ body }),
      },
    });
    expect(field('Email').value).toBe('vera@example.com');
    expect(field('Organization name').value).toBe('Acme');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Currency' }).value).toBe('EUR');
    expect(screen.getByLabelText('Expected close date').getAttribute('type')).toBe('date');

    type(dealValue(), '1250');
    fireEvent.change(screen.getByRole('combobox', { name: 'Currency' }), { target: { value: 'USD' } });
    type(screen.getByLabelText('Expected close date'), '2026-03-31');
    type(field('Phone'), '+386 40 123 456');
    type(field('Organization address'), 'Main St 1');
    type(field('Note'), 'Wants 20 seats');
    fireEvent.click(screen.getByRole('button', { name: 'Save details' }));

    await waitFor(() => expect(screen.getByRole('status', { name: 'Saved' }).textContent).toBe('Saved'));
    // The body the server's DetailsBodySchema reads: the details under `details`.
    expect(http.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      details: {
        ...filled,
        dealValue: { amount: '1250', currency: 'USD' },
        expectedCloseDate: '2026-03-31',
        phone: '+386 40 123 456',
        organizationAddress: 'Main St 1',
        note: 'Wants 20 seats',
      },
    });
    type(field('Note'), 'Wants 25 seats');
    expect(screen.queryByRole('status', { name: 'Saved' })).toBeNull();
  });

  it('asks before unsaved edits are lost: switching chats, and reloading or closing the tab', async () => {
    await openDetails({
      routes: { 'PUT /api/conversations/c-1/details': ({ body }: Call) => ({ body }) },
    });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      dispatchEvent(event);
      return event.defaultPrevented;
    };
    // Nothing edited: leaving asks nothing.
    expect(unload()).toBe(false);

    type(field('Note'), 'Call back Monday');
    expect(unload()).toBe(true);
    location.hash = '#/inbox/c-2';
    await waitFor(() => expect(confirm).toHaveBeenCalledWith(UNSAVED_DETAILS_QUESTION));
    // The agent stays: the address goes back and the edit is still there.
    await waitFor(() => expect(location.hash).toBe('#/inbox/c-1'));
    expect(field('Note').value).toBe('Call back Monday');
    expect(screen.getByRole('region', { name: 'Conversation #1' })).toBeTruthy();

    // Saved: nothing to lose any more.
    fireEvent.click(screen.getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Saved' })).toBeTruthy());
    expect(unload()).toBe(false);
    confirm.mockClear();
    location.hash = '#/inbox';
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Conversation #1' })).toBeNull());
    expect(confirm).not.toHaveBeenCalled();
  });

  it('leaves with unsaved edits when the agent confirms', async () => {
    await openDetails();
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    type(field('Contact name'), 'Vera V.');
    location.hash = '#/inbox';
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Conversation #1' })).toBeNull());
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(location.hash).toBe('#/inbox');
  });

  it('asks before signing out loses unsaved edits', async () => {
    const { http } = await openDetails();
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    type(field('Contact name'), 'Vera V.');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(confirm).toHaveBeenCalledWith(UNSAVED_DETAILS_QUESTION);
    expect(field('Contact name').value).toBe('Vera V.');
    expect(http.calls.some((c) => c.url === '/api/auth/logout')).toBe(false);

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(http.calls.some((c) => c.url === '/api/auth/logout')).toBe(true);
  });

  it('asks before handing the chat to a colleague takes unsaved edits out of sight', async () => {
    const { http } = await openDetails({
      role: 'agent',
      conv: conversation({ assigneeId: 'ag-1' }),
      routes: { 'PUT /api/conversations/c-1/assignee': () => ({ body: { conversation: conversation() } }) },
    });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    type(field('Contact name'), 'Vera V.');
    const assignee = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Assignee' });
    await waitFor(() => expect(within(assignee).getByRole('option', { name: 'Bob Agent' })).toBeTruthy());

    // The agent stays: nothing is sent, the choice and the edit are as they were.
    fireEvent.change(assignee, { target: { value: 'agent:ag-2' } });
    expect(confirm).toHaveBeenCalledWith(UNSAVED_DETAILS_QUESTION);
    await waitFor(() => expect(assignee.value).toBe('agent:ag-1'));
    expect(field('Contact name').value).toBe('Vera V.');
    expect(http.calls.some((c) => c.method === 'PUT')).toBe(false);

    // Confirmed: handed over.
    confirm.mockReturnValue(true);
    fireEvent.change(assignee, { target: { value: 'agent:ag-2' } });
    await waitFor(() => expect(http.calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
  });

  it("checks fields before sending, and shows the server's field errors inline", async () => {
    const { http } = await openDetails({
      routes: {
        'PUT /api/conversations/c-1/details': () => refusal('body.details.email', 'This address bounces'),
      },
    });
    type(field('Phone'), '12');
    fireEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText(/phone number like \+386 40 123 456/)).toBeTruthy();
    expect(field('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(http.calls.some((c) => c.method === 'PUT')).toBe(false);

    type(field('Phone'), '');
    expect(field('Phone').getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText('This address bounces')).toBeTruthy();
    expect(field('Email').getAttribute('aria-invalid')).toBe('true');
    expect(field('Email').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Please check the highlighted fields.');
    expect(document.body.textContent).not.toContain('body.');
  });

  it('creates a lead and a deal from the details, lists them, and refreshes the timeline', async () => {
    let activityReads = 0;
    const { http } = await openDetails({
      routes: {
        'POST /api/conversations/c-1/records': ({ body }: Call) => {
          const { kind, title } = body as { kind: 'lead' | 'deal'; title?: string };
          return {
            status: 201,
            body: {
              record: crmRecord({
                id: `rec-${kind}`,
                kind,
                title: title ?? 'Acme',
                value: kind === 'deal' ? { amount: '1250', currency: 'EUR' } : null,
                createdAt: T0 + (kind === 'deal' ? 2 : 1),
              }),
            },
          };
        },
        'GET /api/conversations/c-1/activities': () => {
          activityReads++;
          return { body: { activities: [] } };
        },
      },
    });
    const panel = screen.getByRole('region', { name: 'Details' });
    await within(panel).findByText('None yet.');

    fireEvent.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await screen.findByText('Enter the deal value to create a deal.')).toBeTruthy();
    expect(dealValue().getAttribute('aria-invalid')).toBe('true');
    expect(http.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Create lead' }));
    const records = await within(panel).findByRole('list', { name: 'Leads and deals' });
    await within(records).findByText('Lead: Acme');

    type(dealValue(), '1250');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Deal title' }).placeholder).toBe(
      'Acme deal',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create deal' }));
    await within(records).findByText(/^Deal: Acme deal — .*1,250\.00/);
    const posts = http.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.body)).toEqual([
      { kind: 'lead', details: filled },
      {
        kind: 'deal',
        title: 'Acme deal',
        details: { ...filled, dealValue: { amount: '1250', currency: 'EUR' } },
      },
    ]);
    expect(screen.getByRole('status', { name: 'Deal created' })).toBeTruthy();
    await waitFor(() => expect(activityReads).toBe(3));
    // Creating does not close the chat.
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeTruthy();
  });

  it("shows the server's deal refusal on Deal value", async () => {
    await openDetails({
      routes: {
        'POST /api/conversations/c-1/records': () =>
          refusal('body.details.dealValue', 'Enter the deal value to create a deal.'),
      },
    });
    type(dealValue(), '10');
    fireEvent.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await screen.findByText('Enter the deal value to create a deal.')).toBeTruthy();
    expect(dealValue().getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps working on a closed conversation', async () => {
    const { http } = await openDetails({
      conv: conversation({ status: 'closed', closedAt: T0 + 5 }),
      routes: {
        'PUT /api/conversations/c-1/details': ({ body }: Call) => ({ body }),
      },
    });
    expect(screen.queryByRole('textbox', { name: 'Reply' })).toBeNull();
    // The visitor has no other conversation: no section for them.
    expect(screen.queryByRole('region', { name: 'Earlier conversations' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Saved' })).toBeTruthy());
    expect(http.calls.some((c) => c.method === 'PUT')).toBe(true);
  });

  it('adds and removes tags', async () => {
    location.hash = '#/inbox/c-1';
    const { http, connect } = setupApp({
      conv: conversation({ tags: ['vip'] }),
      routes: {
        'PUT /api/conversations/c-1/tags': ({ body }: Call) => ({
          body: {
            conversation: conversation({ tags: (body as { tags: string[] }).tags, updatedAt: T0 + 60_000 }),
          },
        }),
      },
    });
    await connect();
    const tags = await screen.findByRole('region', { name: 'Tags' });
    const input = within(tags).getByRole('textbox', { name: 'Add tag' });
    type(input, 'Pricing');
    fireEvent.click(within(tags).getByRole('button', { name: 'Add tag' }));
    await within(tags).findByRole('button', { name: 'Remove tag pricing' });
    expect((input as HTMLInputElement).value).toBe('');

    type(input, 'vip');
    fireEvent.click(within(tags).getByRole('button', { name: 'Add tag' }));
    expect(within(tags).getByRole('alert').textContent).toBe('That tag is already there.');

    fireEvent.click(within(tags).getByRole('button', { name: 'Remove tag vip' }));
    await waitFor(() => expect(within(tags).queryByRole('button', { name: 'Remove tag vip' })).toBeNull());
    expect(http.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { tags: ['vip', 'pricing'] },
      { tags: ['pricing'] },
    ]);
  });

  it("links the visitor's other conversations", async () => {
    location.hash = '#/inbox/c-1';
    const earlier = conversation({ id: 'c-0', number: 7, status: 'closed', closedAt: T0 - 5000 });
    const { http, connect } = setupApp({
      routes: {
        'GET /api/conversations': ({ url }) => ({
          body: {
            conversations: url.includes('visitorId=v-1') ? [conversation(), earlier] : [conversation()],
          },
        }),
      },
    });
    await connect();
    const section = await screen.findByRole('region', { name: 'Earlier conversations' });
    const link = await within(section).findByRole('link', { name: /#7/ });
    expect(link.getAttribute('href')).toBe('#/inbox/c-0');
    expect(within(section).getAllByRole('link')).toHaveLength(1);
    expect(http.calls.some((c) => c.url === '/api/conversations?visitorId=v-1')).toBe(true);
  });
});
