import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { CATALOGS } from './i18n.js';
import { plural } from './plural.js';
import { browserLocale } from './locale.js';

const kind = (v: unknown) => (typeof v === 'function' ? `function/${(v as () => string).length}` : typeof v);

describe('the catalogs', () => {
  it.each(['tr', 'sl'] as const)('%s has every English key, of the same kind, and no other', (locale) => {
    const catalog = CATALOGS[locale] as Record<string, unknown>;
    const missing = Object.keys(en).filter((k) => !(k in catalog) || catalog[k] === '');
    expect(missing).toEqual([]);
    expect(Object.keys(catalog).filter((k) => !(k in en))).toEqual([]);
    for (const [key, value] of Object.entries(en))
      expect(`${key} ${kind(catalog[key])}`).toBe(`${key} ${kind(value)}`);
  });

  it('plural messages use the language’s own rules', () => {
    const forms = CATALOGS.sl['nav.conversations'];
    expect([1, 2, 3, 5, 101, 102].map((n) => plural('sl', forms, n))).toEqual([
      '1 pogovor',
      '2 pogovora',
      '3 pogovori',
      '5 pogovorov',
      '101 pogovor',
      '102 pogovora',
    ]);
    expect(plural('en', en['nav.conversations'], 1234)).toBe('1,234 conversations');
    expect(plural('tr', CATALOGS.tr['nav.conversations'], 1234)).toBe('1.234 konuşma');
  });

  it('defaults to the browser’s first language it speaks', () => {
    expect(browserLocale(['de-DE', 'tr-TR', 'en'])).toBe('tr');
    expect(browserLocale(['sl'])).toBe('sl');
    expect(browserLocale(['fr'])).toBe('en');
  });
});
