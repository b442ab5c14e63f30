// Fixtures are what the server could send: typed as the shared schemas' input and parsed by them.
import { describe, expect, it } from 'vitest';
import { agent, conversation, message, site } from './fixtures.js';
import { activity, crmRecord, details } from './inbox-fixtures.js';

describe('fixtures', () => {
  it('build valid objects by default', () => {
    expect(conversation()).toMatchObject({ id: 'c-1', status: 'open' });
    expect(message(2).seq).toBe(2);
    expect(site().botFolderForAgents).toBe(false);
  });

  it('refuse what the server could never send, at run time and at compile time', () => {
    // @ts-expect-error not a conversation status
    expect(() => conversation({ status: 'archived' })).toThrow(/status/);
    expect(() => conversation({ number: 0 })).toThrow(/number/);
    // @ts-expect-error not a role
    expect(() => agent({ role: 'owner' })).toThrow(/role/);
    expect(() => message(-1)).toThrow(/seq/);
    // @ts-expect-error not an activity kind
    expect(() => activity({ kind: 'poked' })).toThrow(/kind/);
    expect(() => details({ email: 'not-an-email' })).toThrow(/email/);
    // @ts-expect-error not a currency
    expect(() => crmRecord({ value: { amount: '10', currency: 'XXX' } })).toThrow(/currency/);
  });
});
