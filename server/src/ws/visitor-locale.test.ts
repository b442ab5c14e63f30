import { describe, expect, it } from 'vitest';
import { acceptedLocale } from './visitor-locale.js';

describe('acceptedLocale', () => {
  it('picks the first supported language by quality, by primary subtag', () => {
    expect(acceptedLocale('tr-TR,tr;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('tr');
    expect(acceptedLocale('de-DE,de;q=0.9,sl;q=0.8,en;q=0.5')).toBe('sl');
    expect(acceptedLocale('en;q=0.5, sl-SI')).toBe('sl');
    expect(acceptedLocale('fr-FR,de')).toBeNull();
    expect(acceptedLocale('tr;q=0')).toBeNull();
    expect(acceptedLocale(undefined)).toBeNull();
    expect(acceptedLocale('*')).toBeNull();
  });
});
