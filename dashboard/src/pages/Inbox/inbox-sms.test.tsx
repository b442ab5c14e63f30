// SMS conversations in the inbox: the channel icon, the contact's number and opt-out, the segment counter under the
// reply box, and each text's delivery as the provider reports it.
import type { Message } from '@livechat/shared/model';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation, message, T0 } from '../../test-utils/fixtures.js';
import { contact } from '../../test-utils/sms-fixtures.js';
import { OPTED_OUT_NOTICE } from '../Contacts/opted-out.js';

const smsConversation = conversation({
  channel: 'sms',
  visitorId: 'ct-1',
  visitorName: '+14155550100',
  lastSeq: 2,
  lastMessagePreview: 'On my way',
});
const ADA = { kind: 'agent', id: 'ag-1', name: 'Ada Admin' } as const;
const sent = message(2, { author: ADA, body: 'See you soon', delivery: { status: 'queued', error: null } });

function setup({ optedOut = false, history = [message(1, { body: 'On my way' }), sent] as Message[] } = {}) {
  location.hash = '#/inbox/c-1';
  const app = setupApp({
    conv: smsConversation,
    history,
    routes: {
      'GET /api/contacts/ct-1': () => ({
        body: { contact: contact({ smsOptedOut: optedOut }), conversations: [smsConversation] },
      }),
    },
  });
  return app;
}

describe('SMS in the inbox', () => {
  it('marks SMS conversations in the list and the header, with the number and the opt-out', async () => {
    const { connect, http } = setup({ optedOut: true });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    const item = await within(list).findByRole('link', { name: /#1/ });
    expect(within(item).getByRole('img', { name: 'SMS' })).toBeTruthy();

    const thread = await screen.findByRole('region', { name: 'Conversation #1' });
    const heading = within(thread).getByRole('heading', { level: 2, name: /#1/ });
    expect(within(heading).getByRole('img', { name: 'SMS' })).toBeTruthy();
    const phone = await within(thread).findByRole('link', { name: '+1 415 555 0100' });
    expect(phone.getAttribute('href')).toBe('#/contacts/ct-1');
    expect(await within(thread).findByText('Opted out')).toBeTruthy();
    // The reply box says so before anyone writes, and the contact was asked for once.
    expect(within(thread).getByText(OPTED_OUT_NOTICE)).toBeTruthy();
    expect(http.calls.filter((c) => c.url === '/api/contacts/ct-1')).toHaveLength(1);
  });

  it('says nothing of opting out for a contact who may be texted', async () => {
    const { connect } = setup();
    await connect();
    const thread = await screen.findByRole('region', { name: 'Conversation #1' });
    await within(thread).findByRole('link', { name: '+1 415 555 0100' });
    expect(within(thread).queryByText(OPTED_OUT_NOTICE)).toBeNull();
  });

  it('counts characters and segments under the reply box, and refuses more than 1,600 characters', async () => {
    const { connect, sockets } = setup();
    await connect();
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Reply' });
    expect(screen.getByText('0 characters · 0 SMS segments')).toBeTruthy();
    fireEvent.input(box, { target: { value: 'x'.repeat(160) } });
    expect(screen.getByText('160 characters · 1 SMS segment')).toBeTruthy();
    fireEvent.input(box, { target: { value: 'x'.repeat(161) } });
    expect(screen.getByText('161 characters · 2 SMS segments')).toBeTruthy();
    // Outside the GSM alphabet each segment holds 70 (67 once split).
    fireEvent.input(box, { target: { value: 'Grüße 😀' } });
    expect(screen.getByText('8 characters · 1 SMS segment')).toBeTruthy();
    // The counter is read with the box.
    const counter = screen.getByText('8 characters · 1 SMS segment').parentElement!;
    expect(box.getAttribute('aria-describedby')).toContain(counter.id);

    fireEvent.input(box, { target: { value: 'x'.repeat(1601) } });
    expect(screen.getByRole('alert').textContent).toMatch(/at most 1,600 characters/);
    const send = screen.getByRole<HTMLButtonElement>('button', { name: 'Send' });
    expect(send.disabled).toBe(true);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(sockets.last.sentOfType('message.send')).toEqual([]);

    fireEvent.input(box, { target: { value: 'x'.repeat(1600) } });
    expect(send.disabled).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows each text's delivery under it, and the provider's later reports", async () => {
    const { connect, server } = setup();
    await connect();
    const log = await screen.findByRole('log', { name: 'Messages' });
    const bubble = () => within(log).getByText('See you soon').closest('li')!;
    await waitFor(() => expect(bubble().textContent).toContain('Queued'));
    // Inbound texts carry no delivery.
    expect(within(log).getByText('On my way').closest('li')!.querySelector('.msg__delivery')).toBeNull();

    server({ type: 'message.updated', message: { ...sent, delivery: { status: 'delivered', error: null } } });
    expect(bubble().textContent).toContain('Delivered');
    server({
      type: 'message.updated',
      message: { ...sent, delivery: { status: 'undelivered', error: 'The phone is switched off.' } },
    });
    expect(bubble().textContent).toContain('Not delivered: The phone is switched off.');
    server({
      type: 'message.updated',
      message: { ...sent, delivery: { status: 'failed', error: 'Unknown number.' } },
    });
    expect(bubble().textContent).toContain('Failed: Unknown number.');
    // A late, older report does not move it back.
    server({ type: 'message.updated', message: { ...sent, delivery: { status: 'sent', error: null } } });
    expect(bubble().textContent).toContain('Failed: Unknown number.');
    expect(within(log).getAllByText('See you soon')).toHaveLength(1);
  });

  it('leaves web conversations as they were: no counter, no contact asked', async () => {
    location.hash = '#/inbox/c-1';
    const { connect, http } = setupApp({ history: [message(1, { createdAt: T0 })] });
    await connect();
    await screen.findByRole('textbox', { name: 'Reply' });
    expect(screen.queryByText(/SMS segment/)).toBeNull();
    expect(screen.queryByRole('img', { name: 'SMS' })).toBeNull();
    expect(http.calls.some((c) => c.url.startsWith('/api/contacts'))).toBe(false);
  });
});
