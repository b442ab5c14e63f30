import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage } from '../api/index.js';
import { formErrors, InvalidFields, issueFields } from './form-errors.js';

const invalid = (details: { path: string; message: string }[]) =>
  new ApiError(400, 'invalid_request', 'The request is invalid.', details);

describe('formErrors', () => {
  it('puts each detail on its field and the rest, without paths, at the top', () => {
    const error = invalid([
      { path: 'body.email', message: 'Enter a valid email address.' },
      { path: 'body.email', message: 'second message for the same field' },
      { path: 'body.name', message: 'Enter a name.' },
      { path: 'body', message: 'There is nothing to change.' },
    ]);
    expect(formErrors(error, ['email', 'name', 'role'] as const)).toEqual({
      fields: { email: 'Enter a valid email address.', name: 'Enter a name.' },
      message: 'There is nothing to change.',
    });
  });

  it('has no top message when every detail is at a field', () => {
    const error = invalid([
      { path: 'body.currentPassword', message: 'Your current password is not correct.' },
    ]);
    expect(formErrors(error, ['currentPassword'])).toEqual({
      fields: { currentPassword: 'Your current password is not correct.' },
      message: null,
    });
  });

  it("shows a refusal without details as the server's sentence", () => {
    expect(formErrors(new ApiError(403, 'forbidden', 'Only admins can do that.'), ['name'])).toEqual({
      fields: {},
      message: 'Only admins can do that.',
    });
  });

  it("takes the form's own check as field messages", () => {
    expect(formErrors(new InvalidFields({ name: 'Enter a name.' }), ['name'])).toEqual({
      fields: { name: 'Enter a name.' },
      message: null,
    });
  });
});

describe('errorMessage', () => {
  it('never shows "The request is invalid.: body.x …"', () => {
    const error = invalid([
      { path: 'body.url', message: 'Enter the endpoint URL.' },
      { path: 'body.events', message: 'Choose at least one event.' },
    ]);
    expect(errorMessage(error)).toBe('Enter the endpoint URL. Choose at least one event.');
  });
});

describe('issueFields', () => {
  it('keeps the first issue of each known field', () => {
    const issues = [
      { path: ['email'], message: 'Enter an email address.' },
      { path: ['email'], message: 'Enter a valid email address.' },
      { path: ['other'], message: 'x' },
      { path: [], message: 'y' },
    ];
    expect(issueFields(issues, ['email', 'password'])).toEqual({ email: 'Enter an email address.' });
  });
});
