import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/index.js';
import {
  checkDraft,
  DEAL_NEEDS_VALUE,
  defaultDealTitle,
  fromDraft,
  serverDetailsErrors,
  toDraft,
  withoutErrors,
} from './details-draft.js';
import { details } from '../../test-utils/inbox-fixtures.js';

describe('details draft', () => {
  it('round-trips details; empty amount and date are no value', () => {
    const full = details({
      dealValue: { amount: '1250', currency: 'USD' },
      expectedCloseDate: '2026-03-31',
      contactName: 'Vera',
      email: 'vera@example.com',
    });
    expect(fromDraft(toDraft(full))).toEqual(full);
    expect(fromDraft({ ...toDraft(full), amount: ' ', expectedCloseDate: '' })).toMatchObject({
      dealValue: null,
      expectedCloseDate: null,
    });
    expect(toDraft(details()).currency).toBe('EUR');
  });

  it("checks with the server's rules, by field, and a deal needs a value", () => {
    const draft = { ...toDraft(details()), amount: '12.345', email: 'vera at example', phone: '12' };
    // The shared schema's own words, meant for people.
    expect(checkDraft(draft)).toEqual({
      dealValue: expect.stringContaining('1250 or 99.90'),
      email: expect.stringMatching(/valid email/i),
      phone: expect.stringContaining('+386 40 123 456'),
    });
    expect(checkDraft(toDraft(details()))).toEqual({});
    expect(checkDraft(toDraft(details()), 'deal')).toEqual({ dealValue: DEAL_NEEDS_VALUE });
    // A sentence like the other fields' messages, not a lowercase fragment.
    expect(DEAL_NEEDS_VALUE).toBe('Enter the deal value to create a deal.');
    expect(checkDraft(toDraft(details()), 'lead')).toEqual({});
  });

  it("puts the server's errors on their fields, whether from saving or from creating a record", () => {
    const refused = (...paths: string[]) =>
      new ApiError(
        400,
        'invalid_request',
        'Invalid',
        paths.map((path) => ({ path, message: `bad ${path}` })),
      );
    expect(serverDetailsErrors(refused('body.email', 'body.dealValue.amount'))).toEqual({
      email: 'bad body.email',
      dealValue: 'bad body.dealValue.amount',
    });
    expect(serverDetailsErrors(refused('body.details.dealValue', 'body.kind'))).toEqual({
      dealValue: 'bad body.details.dealValue',
    });
    expect(serverDetailsErrors(new Error('offline'))).toEqual({});
  });

  it('names a deal after the organization, else the contact', () => {
    const draft = toDraft(details({ contactName: 'Vera' }));
    expect(defaultDealTitle(draft)).toBe('Vera deal');
    expect(defaultDealTitle({ ...draft, organizationName: 'Acme' })).toBe('Acme deal');
    expect(defaultDealTitle(toDraft(details()))).toBe('New deal');
  });

  it("drops an edited field's error, the deal value's for amount and currency", () => {
    const errors = { dealValue: 'Enter the deal value to create a deal.', email: 'Invalid email address' };
    expect(withoutErrors(errors, ['currency'])).toEqual({ email: 'Invalid email address' });
    expect(withoutErrors(errors, ['email', 'amount'])).toEqual({});
    expect(withoutErrors(errors, ['note'])).toBe(errors);
  });
});
