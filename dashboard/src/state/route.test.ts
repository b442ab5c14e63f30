import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route.js';

describe('routes', () => {
  it('parses the hash routes and falls back to the inbox', () => {
    expect(parseRoute('#/team')).toEqual({ page: 'team' });
    expect(parseRoute('#/playbook')).toEqual({ page: 'playbook' });
    expect(parseRoute('#/embed')).toEqual({ page: 'embed' });
    expect(parseRoute('#/leads')).toEqual({ page: 'leads' });
    expect(parseRoute('#/saved-replies')).toEqual({ page: 'saved-replies' });
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' });
    expect(parseRoute('#/webhooks')).toEqual({ page: 'webhooks' });
    expect(parseRoute('#/sms')).toEqual({ page: 'sms' });
    expect(parseRoute('#/contacts')).toEqual({ page: 'contacts' });
    expect(parseRoute('#/contacts/ct-1')).toEqual({ page: 'contacts', contactId: 'ct-1' });
    expect(parseRoute('#/contacts/%E0%A4%A')).toEqual({ page: 'contacts' });
    expect(parseRoute('#/inbox/abc-1')).toEqual({ page: 'inbox', conversationId: 'abc-1' });
    expect(parseRoute('#/inbox')).toEqual({ page: 'inbox', conversationId: null });
    expect(parseRoute('')).toEqual({ page: 'inbox', conversationId: null });
    expect(parseRoute('#/inbox/%E0%A4%A')).toEqual({ page: 'inbox', conversationId: null });
    expect(parseRoute('#/invite/tok_123')).toEqual({ page: 'invite', token: 'tok_123' });
    expect(parseRoute('#/invite')).toEqual({ page: 'inbox', conversationId: null });
    expect(parseRoute('#/invite/%E0%A4%A')).toEqual({ page: 'inbox', conversationId: null });
  });

  it('round-trips ids through the href', () => {
    const route = { page: 'inbox', conversationId: 'a/b c' } as const;
    expect(parseRoute(routeHref(route))).toEqual(route);
    const invite = { page: 'invite', token: 'a/b+c' } as const;
    expect(parseRoute(routeHref(invite))).toEqual(invite);
    const contact = { page: 'contacts', contactId: 'a/b c' } as const;
    expect(routeHref(contact)).toBe('#/contacts/a%2Fb%20c');
    expect(parseRoute(routeHref(contact))).toEqual(contact);
    for (const page of [
      'team',
      'teams',
      'playbook',
      'embed',
      'leads',
      'saved-replies',
      'settings',
      'webhooks',
      'sms',
      'contacts',
    ] as const)
      expect(parseRoute(routeHref({ page }))).toEqual({ page });
  });
});
