import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REPLY_VARIABLES,
  fillVariables,
  firstName,
  missingVariables,
  unknownVariables,
  unknownVariablesMessage,
  variableValues,
  variablesIn,
  type VariableValues,
} from './variables.js';

describe('saved reply variables', () => {
  it('finds the names between braces once each, spaces inside allowed', () => {
    expect(variablesIn('Hi {{contact.first_name}}, {{ agent.name }} here. {{contact.first_name}}?')).toEqual([
      'contact.first_name',
      'agent.name',
    ]);
    expect(variablesIn('{single} {{}} {{{agent.name}}}')).toEqual(['', 'agent.name']);
  });

  it('names the unknown ones and lists the known ones in the refusal', () => {
    expect(unknownVariables('Hi {{contact.first_name}} from {{company}} {{agent.nickname}}')).toEqual([
      'company',
      'agent.nickname',
    ]);
    expect(unknownVariablesMessage(['company'])).toBe(
      'Unknown variable {{company}}. Use {{contact.name}}, {{contact.first_name}}, {{contact.email}}, ' +
        '{{contact.phone}}, {{agent.name}} and {{agent.first_name}}.',
    );
  });

  it('fills known ones, leaves unknown ones, and names the missing ones', () => {
    const values = variableValues({ contactName: ' Vera Novak ', agentName: 'Ann Lee', email: '' });
    expect(values).toEqual({
      'contact.name': 'Vera Novak',
      'contact.first_name': 'Vera',
      'agent.name': 'Ann Lee',
      'agent.first_name': 'Ann',
    });
    const body = 'Hi {{contact.first_name}}, I am {{ agent.first_name }}. {{contact.email}} {{other}}';
    expect(fillVariables(body, values)).toBe('Hi Vera, I am Ann.  {{other}}');
    expect(missingVariables(body, values)).toEqual(['contact.email']);
    expect(missingVariables(body, { ...values, 'contact.email': 'v@example.com' })).toEqual([]);
    // A value that looks like a placeholder is not filled again.
    expect(fillVariables('{{contact.name}}', { 'contact.name': '{{agent.name}}', 'agent.name': 'x' })).toBe(
      '{{agent.name}}',
    );
    expect(firstName('  Cher ')).toBe('Cher');
    expect(firstName('')).toBe('');
  });
});

/** Text in pieces: literal text (no braces, so pieces cannot join into a placeholder) and known placeholders. */
const literal = fc
  .string({ unit: fc.constantFrom('a', ' ', '.', '_', 'é', '\n', '}', '{') })
  .map((s) => s.replace(/[{}]/g, ''));
const placeholder = fc.record({
  name: fc.constantFrom(...REPLY_VARIABLES),
  spaces: fc.constantFrom('', ' ', '  '),
});
const values: fc.Arbitrary<VariableValues> = fc.dictionary(
  fc.constantFrom(...REPLY_VARIABLES),
  fc.string().map((s) => s.replace(/[{}]/g, '')),
);

describe('saved reply variables: properties', () => {
  it('filling leaves no known placeholder and changes nothing outside placeholders', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(literal, placeholder)), literal, values, (pieces, tail, vals) => {
        const text = pieces.map(([t, p]) => `${t}{{${p.spaces}${p.name}${p.spaces}}}`).join('') + tail;
        const filled = fillVariables(text, vals);
        expect(variablesIn(filled).filter((n) => (REPLY_VARIABLES as readonly string[]).includes(n))).toEqual(
          [],
        );
        expect(filled).toBe(pieces.map(([t, p]) => t + (vals[p.name] ?? '').trim()).join('') + tail);
      }),
    );
  });

  it('any text: what lies outside placeholders is kept as it is, unknown names too', () => {
    const anyText = fc.string({
      unit: fc.constantFrom('{', '}', ' ', 'x', 'contact.name', 'agent.name', 'nope'),
    });
    fc.assert(
      fc.property(anyText, values, (text, vals) => {
        const filled = fillVariables(text, vals);
        // Cut the text at its placeholders: the literal parts must appear in order, untouched.
        const parts = text.split(/\{\{\s*[^{}]*?\s*\}\}/);
        let at = 0;
        for (const part of parts) {
          const found = filled.indexOf(part, at);
          expect(found).toBeGreaterThanOrEqual(at);
          at = found + part.length;
        }
        if (unknownVariables(text).length === variablesIn(text).length) expect(filled).toBe(text);
      }),
    );
  });
});
