import type { Webhook, WebhookDelivery } from '@livechat/shared/api';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch, type Handler } from '../../test-utils/fetch-mock.js';
import { mockClipboard } from '../../test-utils/clipboard-mock.js';
import { agent, T0 } from '../../test-utils/fixtures.js';
import { formatFull } from '../../components/format-time.js';
import { fieldError } from '../../test-utils/field-error.js';
import { WebhooksPage } from './webhooks-page.js';

const crm: Webhook = {
  id: 'wh-1',
  url: 'https://crm.example.com/hooks',
  events: ['lead.created', 'deal.created'],
  active: true,
  createdAt: T0,
};
const secret = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

function setup(routes: Record<string, Handler> = {}) {
  const http = mockFetch({
    'GET /api/webhooks': () => ({ body: { webhooks: [crm] } }),
    'POST /api/webhooks': (call) => ({
      status: 201,
      body: {
        webhook: { id: 'wh-2', active: true, createdAt: T0 + 1, ...(call.body as object) },
        secret,
      },
    }),
    ...routes,
  });
  render(<WebhooksPage agent={agent()} />);
  return http;
}

const endpointList = () => screen.getByRole('list', { name: 'Endpoints' });
const urls = () =>
  within(endpointList())
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.webhook__url')!.textContent);

describe('WebhooksPage', () => {
  it('is closed to agents and asks the server nothing', () => {
    const { fn } = mockFetch({});
    render(<WebhooksPage agent={agent({ role: 'agent' })} />);
    expect(screen.getByText('Only admins can manage webhooks.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add webhook' })).toBeNull();
    expect(fn).not.toHaveBeenCalled();
  });

  it('adds a webhook and shows its signing secret once, with a copy button and how to verify', async () => {
    const { writeText } = mockClipboard();
    const http = setup();
    await screen.findByRole('list', { name: 'Endpoints' });
    expect(screen.queryByRole('textbox', { name: 'Signing secret' })).toBeNull();

    fireEvent.input(screen.getByRole('textbox', { name: 'Endpoint URL' }), {
      target: { value: ' https://ops.example.com/livechat ' },
    });
    for (const name of ['conversation.closed', 'lead.created'])
      fireEvent.click(screen.getByRole('checkbox', { name }));
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));

    const box = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Signing secret' });
    expect(box.value).toBe(secret);
    expect(box.readOnly).toBe(true);
    expect(http.calls.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/webhooks',
      body: { url: 'https://ops.example.com/livechat', events: ['lead.created', 'conversation.closed'] },
    });
    await waitFor(() =>
      expect(urls()).toEqual(['https://crm.example.com/hooks', 'https://ops.example.com/livechat']),
    );
    const note = screen.getByRole('region', { name: 'Signing secret for https://ops.example.com/livechat' });
    expect(note.textContent).toContain('x-livechat-signature: t=<unix seconds>,v1=<hex>');
    expect(note.textContent).toContain('HMAC-SHA256 of <t>.<raw body>');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Endpoint URL' }).value).toBe('');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'lead.created' }).checked).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Copy secret' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(secret);

    fireEvent.click(screen.getByRole('button', { name: 'I have stored the secret' }));
    expect(screen.queryByRole('textbox', { name: 'Signing secret' })).toBeNull();
    expect(document.body.textContent).not.toContain(secret);
  });

  it('checks the URL and the events before asking the server', async () => {
    const http = setup();
    await screen.findByRole('list', { name: 'Endpoints' });
    const url = screen.getByRole('textbox', { name: 'Endpoint URL' });
    fireEvent.input(url, { target: { value: 'crm.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    const described = url.getAttribute('aria-describedby')!.split(' ').at(-1)!;
    expect(document.getElementById(described)?.textContent).toBe(
      'Enter the full address of your endpoint, starting with https:// or http://.',
    );
    expect(screen.getByRole('group', { name: 'Events' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Choose at least one event.')).toBeTruthy();
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it("shows the server's field refusal on its field", async () => {
    setup({
      'POST /api/webhooks': () => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_request',
            message: 'The request is invalid.',
            details: [{ path: 'body.url', message: 'This address is on a private network.' }],
          },
        },
      }),
    });
    await screen.findByRole('list', { name: 'Endpoints' });
    const url = screen.getByRole('textbox', { name: 'Endpoint URL' });
    fireEvent.input(url, { target: { value: 'https://x.example' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'deal.created' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    await waitFor(() => expect(fieldError(url)).toBe('This address is on a private network.'));
    // Said next to the field only: no "The request is invalid.: body.url …" above the form.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.body.textContent).not.toMatch(/request is invalid|body\.url/);
    expect(screen.queryByRole('textbox', { name: 'Signing secret' })).toBeNull();
  });

  it('switches a webhook off and deletes it', async () => {
    const http = setup({
      'PATCH /api/webhooks/wh-1': (call) => ({ body: { webhook: { ...crm, ...(call.body as object) } } }),
      'DELETE /api/webhooks/wh-1': () => ({ status: 204 }),
    });
    const active = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: 'Active https://crm.example.com/hooks',
    });
    expect(active.checked).toBe(true);
    const item = active.closest('li')!;
    expect(within(item).getByText('lead.created')).toBeTruthy();
    expect(within(item).getByText('deal.created')).toBeTruthy();

    fireEvent.click(active);
    expect(active.checked).toBe(false);
    await waitFor(() => expect(http.calls.at(-1)?.method).toBe('PATCH'));
    expect(http.calls.at(-1)?.body).toEqual({ active: false });
    await waitFor(() => expect(item.classList.contains('webhook--inactive')).toBe(true));
    expect(active.checked).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Delete https://crm.example.com/hooks' }));
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();
    expect(http.calls.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/webhooks/wh-1' });
  });

  it('keeps the switch when the server refuses it', async () => {
    setup({
      'PATCH /api/webhooks/wh-1': () => apiError(500, 'internal', 'Something went wrong on our side.'),
    });
    const active = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: 'Active https://crm.example.com/hooks',
    });
    fireEvent.click(active);
    // Shown at once (a browser's "uncheck" expects that), then put back when refused.
    expect(active.checked).toBe(false);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'https://crm.example.com/hooks: Something went wrong on our side.',
    );
    await waitFor(() => expect(active.checked).toBe(true));
  });

  it('shows the delivery log of a webhook', async () => {
    const deliveries: WebhookDelivery[] = [
      {
        id: 'd-2',
        webhookId: 'wh-1',
        event: 'deal.created',
        status: 'pending',
        attempts: 2,
        lastStatusCode: 503,
        lastError: 'HTTP 503',
        nextAttemptAt: T0 + 120_000,
        createdAt: T0 + 60_000,
        deliveredAt: null,
      },
      {
        id: 'd-1',
        webhookId: 'wh-1',
        event: 'lead.created',
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        createdAt: T0,
        deliveredAt: T0 + 1000,
      },
    ];
    const http = setup({ 'GET /api/webhooks/wh-1/deliveries': () => ({ body: { deliveries } }) });
    const show = await screen.findByRole('button', {
      name: 'Show deliveries for https://crm.example.com/hooks',
    });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    const table = await screen.findByRole('table', { name: 'Deliveries for https://crm.example.com/hooks' });
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(show.getAttribute('aria-controls')!)).toBeTruthy();
    const rows = within(table)
      .getAllByRole('row')
      .map((r) =>
        within(r)
          .queryAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows.slice(1)).toEqual([
      [
        'deal.created',
        'Pending',
        '2',
        'HTTP 503',
        'HTTP 503',
        formatFull(T0 + 120_000),
        formatFull(T0 + 60_000),
        '—',
        '',
      ],
      ['lead.created', 'Succeeded', '1', 'HTTP 200', '—', '—', formatFull(T0), formatFull(T0 + 1000), ''],
    ]);

    fireEvent.click(
      screen.getByRole('button', { name: 'Refresh deliveries for https://crm.example.com/hooks' }),
    );
    await waitFor(() =>
      expect(http.calls.filter((c) => c.url === '/api/webhooks/wh-1/deliveries')).toHaveLength(2),
    );

    fireEvent.click(
      screen.getByRole('button', { name: 'Hide deliveries for https://crm.example.com/hooks' }),
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('sends a failed delivery again', async () => {
    const failed: WebhookDelivery = {
      id: 'd-9',
      webhookId: 'wh-1',
      event: 'conversation.closed',
      status: 'failed',
      attempts: 8,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
      nextAttemptAt: null,
      createdAt: T0,
      deliveredAt: null,
    };
    let answer: 'ok' | 'conflict' = 'ok';
    const http = setup({
      'GET /api/webhooks/wh-1/deliveries': () => ({ body: { deliveries: [failed] } }),
      'POST /api/webhooks/wh-1/deliveries/d-9/retry': () =>
        answer === 'ok'
          ? { body: { delivery: { ...failed, status: 'pending', nextAttemptAt: T0 + 10_000 } } }
          : apiError(409, 'conflict', 'Only a failed delivery can be retried.'),
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Show deliveries for https://crm.example.com/hooks' }),
    );
    const retry = await screen.findByRole('button', {
      name: `Retry conversation.closed delivery of ${formatFull(T0)}`,
    });
    answer = 'conflict';
    fireEvent.click(retry);
    expect((await screen.findByRole('alert')).textContent).toBe('Only a failed delivery can be retried.');
    answer = 'ok';
    fireEvent.click(retry);
    expect(await screen.findByText('Pending')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Retry/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(http.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/webhooks/wh-1/deliveries/d-9/retry',
      '/api/webhooks/wh-1/deliveries/d-9/retry',
    ]);
  });

  it('says when a webhook has no deliveries yet', async () => {
    setup({ 'GET /api/webhooks/wh-1/deliveries': () => ({ body: { deliveries: [] } }) });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Show deliveries for https://crm.example.com/hooks' }),
    );
    expect(await screen.findByText('No deliveries yet.')).toBeTruthy();
  });
});
