// The Leads, Saved replies, Webhooks, Settings and Profile pages in the app: who sees their links, and who may open them.
import { describe, expect, it } from 'vitest';
import { screen, within } from './test-utils/render.js';
import { setupApp } from './test-utils/app-setup.js';
import { site } from './test-utils/fixtures.js';
import { contact, smsSettings } from './test-utils/sms-fixtures.js';

const nav = () => screen.getByRole('navigation', { name: 'Main' });
const links = () =>
  Array.from(nav().querySelectorAll('a')).map((a) => [
    a.textContent?.replace(/\d+$/, ''),
    a.getAttribute('href'),
  ]);

describe('app pages', () => {
  it('links every page for admins', async () => {
    setupApp({ role: 'admin' });
    await screen.findByRole('link', { name: 'Leads' });
    expect(links()).toEqual([
      ['Inbox', '#/inbox'],
      ['My teams', '#/folder/teams'],
      ['Contacts', '#/contacts'],
      ['Leads', '#/leads'],
      ['Team', '#/team'],
      ['Teams', '#/teams'],
      ['Playbook', '#/playbook'],
      ['Embed', '#/embed'],
      ['Business hours', '#/business-hours'],
      ['SMS', '#/sms'],
      ['Saved replies', '#/saved-replies'],
      ['Webhooks', '#/webhooks'],
      ['Settings', '#/settings'],
      ['Profile', '#/profile'],
    ]);
  });

  it('links Contacts, Leads, Saved replies, Settings and Profile for agents, not the admin pages', async () => {
    setupApp({ role: 'agent' });
    await screen.findByRole('link', { name: 'Leads' });
    expect(links()).toEqual([
      ['Inbox', '#/inbox'],
      ['My teams', '#/folder/teams'],
      ['Contacts', '#/contacts'],
      ['Leads', '#/leads'],
      ['Saved replies', '#/saved-replies'],
      ['Settings', '#/settings'],
      ['Profile', '#/profile'],
    ]);
  });

  it('marks the current page', async () => {
    location.hash = '#/leads';
    setupApp({ routes: { 'GET /api/records': () => ({ body: { records: [] } }) } });
    const leads = await screen.findByRole('link', { name: 'Leads' });
    expect(leads.getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('No leads or deals yet.')).toBeTruthy();
  });

  it('opens the SMS page for admins, on the first site', async () => {
    location.hash = '#/sms';
    setupApp({
      routes: {
        'GET /api/sites': () => ({ body: { sites: [site()] } }),
        'GET /api/sites/site-1/sms': () => ({
          body: { sms: smsSettings({ status: 'not_configured', account: null }) },
        }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'SMS / Text messages' })).toBeTruthy();
    const main = screen.getByRole('main');
    expect((await within(main).findByRole('status')).textContent).toMatch(/No Twilio account is configured/);
    expect(screen.getByRole('link', { name: 'SMS' }).getAttribute('aria-current')).toBe('page');
  });

  it('opens a contact profile for agents, the Contacts link marked current', async () => {
    location.hash = '#/contacts/ct-1';
    setupApp({
      role: 'agent',
      routes: { 'GET /api/contacts/ct-1': () => ({ body: { contact: contact(), conversations: [] } }) },
    });
    expect(await screen.findByRole('heading', { name: 'Sam Texter', level: 1 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Contacts' }).getAttribute('aria-current')).toBe('page');
  });

  it.each([
    ['#/webhooks', 'Only admins can manage webhooks.', '/api/webhooks'],
    ['#/sms', 'Only admins can manage text messaging.', '/api/sites'],
  ])('keeps agents out of %s without asking the admin API', async (hash, refusal, api) => {
    location.hash = hash;
    const { http } = setupApp({ role: 'agent' });
    expect(await screen.findByText(refusal)).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    expect(http.calls.filter((c) => c.url.startsWith(api))).toEqual([]);
  });

  it.each([
    ['#/webhooks', 'GET /api/webhooks', { webhooks: [] }, 'No webhooks yet.'],
    [
      '#/saved-replies',
      'GET /api/saved-replies',
      { replies: [] },
      'No saved replies yet. Add the answers your team gives most often.',
    ],
    ['#/contacts', 'GET /api/contacts', { contacts: [] }, 'No contacts yet.'],
    [
      '#/settings',
      'GET /api/me/settings',
      { settings: { newChat: true, assignedToMe: true, newMessage: true, sound: false } },
      'Play a sound',
    ],
  ])('opens %s for admins', async (hash, route, body, text) => {
    location.hash = hash;
    setupApp({ routes: { [route]: () => ({ body }) } });
    expect(await screen.findByText(text)).toBeTruthy();
  });
});
