import { describe, expect, it } from 'vitest';
import { answerKind, checkAnswer, fullerValue, looksLikeName } from './answers.js';

describe('names', () => {
  it.each([
    'Jane',
    'jane doe',
    "D'Arcy",
    'Anne-Marie Ó Súilleabháin',
    'J. R. R. Tolkien',
    'Žiga Novak',
    'Ayşe Yılmaz',
  ])('takes %j as a name', (name) => expect(looksLikeName(name)).toBe(true));

  it.each([
    'What does it cost?',
    'I want to talk to someone now please',
    '0123456',
    '+386 40 123 456',
    'jane@example.com',
    'http://example.com',
    'example.com',
    'Jane!',
    '',
    '   ',
    'a'.repeat(61),
  ])('refuses %j', (answer) => expect(looksLikeName(answer)).toBe(false));

  it('checks free-text questions saved to contact.name as names, and nothing else', () => {
    expect(answerKind({ input: 'text', field: 'contact.name' })).toBe('name');
    expect(answerKind({ input: 'text', field: 'custom.topic' })).toBe('text');
    expect(answerKind({ input: 'choice', field: 'contact.name' })).toBe('choice');
    expect(checkAnswer('name', '  Jane   Doe ')).toEqual({ ok: true, value: 'Jane Doe' });
    expect(checkAnswer('name', 'Is this a name?')).toEqual({ ok: false });
    expect(checkAnswer('text', 'Is this a name?')).toEqual({ ok: true, value: 'Is this a name?' });
  });
});

describe('fullerValue', () => {
  it('keeps a fuller known value over a shorter form of it, and takes any other answer', () => {
    expect(fullerValue('Jane Doe', 'Jane')).toBe('Jane Doe');
    expect(fullerValue('Jane Doe', ' jane ')).toBe('Jane Doe');
    expect(fullerValue('Jane', 'Jane Doe')).toBe('Jane Doe');
    expect(fullerValue('Jane Doe', 'Mary Major')).toBe('Mary Major');
    expect(fullerValue(null, 'Jane')).toBe('Jane');
    expect(fullerValue('', 'Jane')).toBe('Jane');
  });
});
