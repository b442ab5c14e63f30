import type { SmsSettings, UpdateSmsSettingsBody } from '@livechat/shared/api';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch, type Handler } from '../../test-utils/fetch-mock.js';
import { mockClipboard } from '../../test-utils/clipboard-mock.js';
import { fieldError } from '../../test-utils/field-error.js';
import { agent, site, T0 } from '../../test-utils/fixtures.js';
import { TEAMS } from '../../test-utils/inbox-fixtures.js';
import { ACCOUNT_SID, smsSettings } from '../../test-utils/sms-fixtures.js';
import { numberLabel } from './configure-section.js';
import { SmsPage } from './sms-page.js';

const NUMBERS = [
  { phoneNumber: '+14155550100', friendlyName: 'Main line' },
  { phoneNumber: '+442079460958', friendlyName: 'London' },
];

/** A server that keeps one site's SMS settings and applies the page's changes to them. */
function setup(initial: SmsSettings = smsSettings(), routes: Record<string, Handler> = {}) {
  let current = initial;
  const http = mockFetch({
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    'GET /api/sites/site-1/sms': () => ({ body: { sms: current } }),
    'GET /api/sms/numbers': () => ({ body: { numbers: NUMBERS } }),
    'GET /api/teams': () => ({ body: { teams: TEAMS } }),
    'PATCH /api/sites/site-1/sms': (call) => {
      const patch = call.body as UpdateSmsSettingsBody;
      const next = { ...current, ...patch };
      const status = next.number === null ? 'disconnected' : next.enabled ? 'connected' : 'paused';
      current = smsSettings({ ...next, status });
      return { body: { sms: current } };
    },
    'DELETE /api/sites/site-1/sms': () => {
      current = smsSettings({ ...current, number: null, status: 'disconnected' });
      return { body: { sms: current } };
    },
    ...routes,
  });
  render(<SmsPage agent={agent()} />);
  const sent = (method: string) =>
    http.calls.filter((c) => c.method === method && c.url === '/api/sites/site-1/sms').map((c) => c.body);
  return { http, sent };
}

const status = () => screen.getByRole('status').textContent;

describe('SmsPage', () => {
  it("routes new text conversations to a team's queue, and back to everyone's", async () => {
    const { sent } = setup(smsSettings({ number: '+14155550100', status: 'connected' }));
    const route = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Route texts to team' });
    await waitFor(() =>
      expect([...route.options].map((o) => o.text)).toEqual(['Everyone (Unassigned)', 'Sales', 'Support']),
    );
    fireEvent.change(route, { target: { value: 't-support' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent('PATCH')).toEqual([{ teamId: 't-support' }]));
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(false),
    );
    fireEvent.change(route, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent('PATCH')).toEqual([{ teamId: 't-support' }, { teamId: null }]));
  });

  it('keeps agents out without asking the server', () => {
    const http = mockFetch({});
    render(<SmsPage agent={agent({ role: 'agent' })} />);
    expect(screen.getByText('Only admins can manage text messaging.')).toBeTruthy();
    expect(http.calls).toEqual([]);
  });

  it('explains how to configure an account when there is none, and saves one entered on the page', async () => {
    const stored = smsSettings();
    let account: SmsSettings['account'] = null;
    const { http } = setup(smsSettings(), {
      'GET /api/sites/site-1/sms': () => ({
        body: { sms: account ? stored : smsSettings({ status: 'not_configured', account: null }) },
      }),
      'PUT /api/sms/account': () => {
        account = stored.account;
        return { body: { account } };
      },
    });
    expect(await screen.findByRole('heading', { name: 'SMS / Text messages', level: 1 })).toBeTruthy();
    const banner = await screen.findByRole('status');
    expect(banner.textContent).toMatch(/No Twilio account is configured/);
    expect(banner.textContent).toMatch(/TWILIO_ACCOUNT_SID.*TWILIO_AUTH_TOKEN.*TWILIO_API_BASE_URL/);
    expect(banner.textContent).toMatch(/Account SID and auth token/);
    // Nothing to configure before there is an account.
    expect(screen.queryByRole('combobox', { name: 'Number' })).toBeNull();
    expect(http.calls.some((c) => c.url === '/api/sms/numbers')).toBe(false);

    const sid = screen.getByRole<HTMLInputElement>('textbox', { name: 'Account SID' });
    const token = screen.getByLabelText<HTMLInputElement>('Auth token');
    expect(screen.getByRole('textbox', { name: 'API base URL' })).toBeTruthy();
    fireEvent.input(sid, { target: { value: 'AC123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(fieldError(sid)).toMatch(/starts with AC followed by 32/));
    expect(fieldError(token)).toBe('Paste the auth token from the Twilio console.');
    expect(http.calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.input(sid, { target: { value: ACCOUNT_SID } });
    fireEvent.input(token, { target: { value: 'secret-token-5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    // Stored: the settings are read again, now without the banner, and the numbers are listed.
    await waitFor(() => expect(status()).toMatch(/Not connected/));
    expect(http.calls.find((c) => c.method === 'PUT')!.body).toEqual({
      accountSid: ACCOUNT_SID,
      authToken: 'secret-token-5678',
    });
    expect(await screen.findByRole('option', { name: /Main line/ })).toBeTruthy();
  });

  it('shows an account from the environment read-only', async () => {
    setup(
      smsSettings({
        account: {
          source: 'environment',
          accountSid: ACCOUNT_SID,
          authTokenHint: '••••wxyz',
          apiBaseUrl: 'https://api.twilio.com',
        },
      }),
    );
    const section = await screen.findByRole('region', { name: 'Twilio account' });
    expect(section.textContent).toContain(ACCOUNT_SID);
    expect(section.textContent).toContain('••••wxyz');
    expect(section.textContent).toMatch(/comes from the server’s environment/);
    expect(within(section).queryByRole('textbox')).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Save account' })).toBeNull();
  });

  it('fills the SID of an account from settings and keeps the token unless a new one is typed', async () => {
    const { http } = setup(smsSettings(), {
      'PUT /api/sms/account': () => ({
        body: {
          account: {
            source: 'settings',
            accountSid: ACCOUNT_SID,
            authTokenHint: '••••abcd',
            apiBaseUrl: 'https://api.twilio.com',
          },
        },
      }),
    });
    const sid = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Account SID' });
    expect(sid.value).toBe(ACCOUNT_SID);
    const token = screen.getByLabelText<HTMLInputElement>('Auth token');
    expect(token.value).toBe('');
    expect(document.getElementById(token.getAttribute('aria-describedby')!)!.textContent).toBe(
      '••••abcd stored; leave empty to keep',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(http.calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(http.calls.find((c) => c.method === 'PUT')!.body).toEqual({
      accountSid: ACCOUNT_SID,
      apiBaseUrl: 'https://api.twilio.com',
    });
  });

  it('connects the number chosen, with the help text when it was edited', async () => {
    const { sent } = setup();
    expect(await screen.findByText('Not connected')).toBeTruthy();
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Number' });
    await within(select).findByRole('option', { name: '+1 415 555 0100 (Main line)' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a number', '+1 415 555 0100 (Main line)', '+44 20 7946 0958 (London)']);

    // Save without a number says what is missing.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fieldError(select)).toBe('Choose a number.'));

    fireEvent.change(select, { target: { value: '+14155550100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(status()).toMatch(/Connected/));
    expect(screen.getByText('Connected')).toBeTruthy();
    expect(sent('PATCH')).toEqual([{ number: '+14155550100' }]);
    expect(status()).toContain('+1 415 555 0100');
    // Connected: the select shows the connected number; choosing another and Save switches.
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Number' }).value).toBe('+14155550100');

    fireEvent.input(screen.getByRole('textbox', { name: 'Help text' }), {
      target: { value: 'Text STOP to stop.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent('PATCH')).toHaveLength(2));
    expect(sent('PATCH')[1]).toEqual({ helpText: 'Text STOP to stop.' });
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(false),
    );

    fireEvent.change(screen.getByRole('combobox', { name: 'Number' }), {
      target: { value: '+442079460958' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent('PATCH')).toHaveLength(3));
    expect(sent('PATCH')[2]).toEqual({ number: '+442079460958' });
    await waitFor(() => expect(status()).toContain('+44 20 7946 0958'));
  });

  it('pauses and resumes sending with the Enabled switch', async () => {
    const { sent } = setup(smsSettings({ status: 'connected', number: '+14155550100' }));
    const toggle = await screen.findByRole('switch', { name: 'Enabled' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(status()).toMatch(/Connected/);

    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(sent('PATCH')).toEqual([{ enabled: false }]);
    expect(status()).toMatch(/Paused/);

    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(sent('PATCH')).toEqual([{ enabled: false }, { enabled: true }]);
    expect(status()).toMatch(/Connected/);
  });

  it('asks before disconnecting, and shows the Number select again after', async () => {
    const { sent } = setup(smsSettings({ status: 'connected', number: '+14155550100' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect' }));
    const ask = screen.getByRole('dialog', { name: 'Disconnect +1 415 555 0100 from this site?' });
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Disconnect' }));
    expect(sent('DELETE')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(status()).toMatch(/Not connected/));
    expect(sent('DELETE')).toHaveLength(1);
    expect(await screen.findByRole('combobox', { name: 'Number' })).toBeTruthy();
    expect(screen.queryByRole('switch', { name: 'Enabled' })).toBeNull();
  });

  it('shows both webhook URLs with copy buttons', async () => {
    const { writeText } = mockClipboard();
    setup();
    const messages = await screen.findByRole<HTMLInputElement>('textbox', {
      name: 'Messages webhook (A message comes in)',
    });
    expect(messages.value).toBe('https://chat.example.com/webhooks/twilio/messages');
    expect(messages.readOnly).toBe(true);
    const statusUrl = screen.getByRole<HTMLInputElement>('textbox', { name: 'Status callback' });
    expect(statusUrl.value).toBe('https://chat.example.com/webhooks/twilio/status');
    fireEvent.click(screen.getByRole('button', { name: 'Copy status callback' }));
    await waitFor(() =>
      expect(writeText).toHaveBeenCalledWith('https://chat.example.com/webhooks/twilio/status'),
    );
  });

  it('says when the last webhook arrived and whether its signature verified', async () => {
    setup(
      smsSettings({
        status: 'connected',
        number: '+14155550100',
        lastWebhook: { at: T0, signatureValid: false, kind: 'messages' },
        lastInboundAt: T0,
      }),
    );
    const section = await screen.findByRole('region', { name: 'Troubleshooting' });
    expect(section.textContent).toContain(
      'Signature did not verify: the auth token or the webhook URL does not match',
    );
    expect(section.querySelectorAll('time')).toHaveLength(2);
    expect(section.textContent).toMatch(/PUBLIC_URL/);
  });

  it('says so when nothing has arrived yet', async () => {
    setup(smsSettings());
    const section = await screen.findByRole('region', { name: 'Troubleshooting' });
    expect(section.textContent).toContain('None has arrived yet.');
    expect(section.textContent).toContain('None yet.');
  });

  it('says when the signature verified', async () => {
    setup(smsSettings({ lastWebhook: { at: T0, signatureValid: true, kind: 'status' } }));
    const section = await screen.findByRole('region', { name: 'Troubleshooting' });
    expect(within(section).getByText('Signature verified')).toBeTruthy();
  });

  it("shows the server's refusals in words", async () => {
    setup(smsSettings(), {
      'PATCH /api/sites/site-1/sms': () =>
        apiError(502, 'sms_provider_error', 'Twilio refused the credentials: check the auth token.'),
    });
    const select = await screen.findByRole('combobox', { name: 'Number' });
    await within(select).findByRole('option', { name: /Main line/ });
    fireEvent.change(select, { target: { value: '+14155550100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Twilio refused the credentials: check the auth token.',
    );
    expect(status()).toMatch(/Not connected/);
  });

  it('says why the numbers could not be listed', async () => {
    setup(smsSettings(), {
      'GET /api/sms/numbers': () => apiError(502, 'sms_provider_error', 'Twilio refused the credentials.'),
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The numbers could not be listed: Twilio refused the credentials.',
    );
  });

  it("names a number by its friendly name, unless that is Twilio's default (the number itself)", () => {
    expect(numberLabel({ phoneNumber: '+14155550100', friendlyName: 'Support' })).toBe(
      '+1 415 555 0100 (Support)',
    );
    expect(numberLabel({ phoneNumber: '+14155550100', friendlyName: '(415) 555-0100' })).toBe(
      '+1 415 555 0100',
    );
    expect(numberLabel({ phoneNumber: '+14155550100', friendlyName: '' })).toBe('+1 415 555 0100');
  });
});
