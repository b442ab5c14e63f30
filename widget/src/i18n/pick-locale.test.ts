import { expect, it } from 'vitest';
import { LOCALES } from '@livechat/shared/protocol/constants';
import { LAUNCHER_STRINGS } from './launcher-strings.js';
import { pickLocale } from './pick-locale.js';
import { loadStrings, PANEL_LOCALES, STRINGS } from './strings.js';

const pick = (languages: string[], siteDefault?: unknown) =>
  pickLocale(PANEL_LOCALES, languages, siteDefault);

it('has a table for every locale of the protocol', async () => {
  expect(Object.keys(PANEL_LOCALES)).toEqual([...LOCALES]);
  expect(Object.keys(LAUNCHER_STRINGS)).toEqual([...LOCALES]);
  // English is built in; the others are fetched on first use.
  expect(Object.keys(STRINGS)).toEqual(['en']);
  await Promise.all([loadStrings('tr'), loadStrings('sl')]);
  expect(Object.keys(STRINGS).sort()).toEqual([...LOCALES].sort());
  expect(STRINGS.tr!.send).toBe('Gönder');
});

it('takes the first browser language we speak, by primary subtag', () => {
  expect(pick(['de-DE', 'tr-TR', 'sl'], 'sl')).toBe('tr');
  expect(pick(['SL-si'])).toBe('sl');
  expect(pick(['en-GB', 'tr'], 'tr')).toBe('en');
});

it("falls back to the site's default, then English", () => {
  expect(pick(['de', 'fr-FR'], 'sl')).toBe('sl');
  expect(pick(['de'], 'xx')).toBe('en');
  expect(pick([], undefined)).toBe('en');
  expect(pick(['__proto__'], 'constructor')).toBe('en');
});
