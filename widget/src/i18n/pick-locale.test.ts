import { expect, it } from 'vitest';
import { LOCALES } from '@livechat/shared/protocol/constants';
import { LAUNCHER_STRINGS } from './launcher-strings.js';
import { pickLocale } from './pick-locale.js';
import { STRINGS } from './strings.js';

const pick = (languages: string[], siteDefault?: unknown) => pickLocale(STRINGS, languages, siteDefault);

it('has a table for every locale of the protocol', () => {
  expect(Object.keys(STRINGS)).toEqual([...LOCALES]);
  expect(Object.keys(LAUNCHER_STRINGS)).toEqual([...LOCALES]);
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
