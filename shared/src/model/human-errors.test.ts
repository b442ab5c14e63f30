import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConversationDetailsSchema } from './crm.js';
import { EmailSchema, PasswordSchema, PersonNameSchema } from './agent.js';
import './human-errors.js';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('human validation messages', () => {
  it("replaces zod's stock wording with plain sentences", () => {
    expect(messageOf(z.string().min(1), '')).toBe('Fill in this field.');
    expect(messageOf(z.string().min(3), 'ab')).toBe('Use at least 3 characters.');
    expect(messageOf(z.string().max(3), 'abcd')).toBe('Use at most 3 characters.');
    expect(messageOf(z.number().int().min(1), 0)).toBe('Enter 1 or more.');
    expect(messageOf(z.number().max(600), 601)).toBe('Enter 600 or less.');
    expect(messageOf(z.array(z.string()).min(1), [])).toBe('Choose at least one.');
    expect(messageOf(z.email(), 'nope')).toBe('Enter a valid email address.');
    expect(messageOf(z.url(), 'nope')).toBe('Enter a full web address, like https://example.com.');
    expect(messageOf(z.enum(['a', 'b']), 'c')).toBe('Choose one of the options.');
    expect(messageOf(z.object({ a: z.string() }), {})).toBe('Fill in this field.');
    expect(messageOf(z.number(), 'x')).toBe('Enter a number.');
  });

  it('never leaks the stock "Too small: expected …" or "Invalid input" texts', () => {
    const schema = z.object({
      name: z.string().min(1),
      count: z.number().min(1),
      tags: z.array(z.string()).min(1),
      kind: z.union([z.literal('a'), z.literal('b')]),
    });
    const issues = schema.safeParse({ name: '', count: 0, tags: [], kind: 'z' }).error?.issues ?? [];
    expect(issues).toHaveLength(4);
    for (const { message } of issues) {
      expect(message).not.toMatch(/expected|Invalid input|Too small|>=/);
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('keeps the messages written on a schema', () => {
    expect(messageOf(z.string().min(1, 'Enter a name.'), '')).toBe('Enter a name.');
    expect(messageOf(PersonNameSchema, '   ')).toBe('Enter a name.');
    expect(messageOf(PasswordSchema, 'short')).toBe('Use at least 8 characters.');
    expect(messageOf(EmailSchema, '')).toBe('Enter an email address.');
    expect(messageOf(EmailSchema, 'ann@')).toBe('Enter a valid email address.');
  });

  it('names the failing branch of an "empty or valid" union (the side panel\'s email)', () => {
    const result = ConversationDetailsSchema.shape.email.safeParse('not-an-email');
    expect(result.error?.issues[0]?.message).toBe('Enter a valid email address.');
  });
});

describe('one message per field', () => {
  it('says an empty email is missing, not also malformed', () => {
    expect(EmailSchema.safeParse('').error?.issues.map((i) => i.message)).toEqual([
      'Enter an email address.',
    ]);
  });
});
