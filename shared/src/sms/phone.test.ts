import fc from 'fast-check';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { formatPhoneForDisplay, isE164, normalizeAddress, type CountryCode } from './phone.js';

describe('normalizeAddress: phone numbers', () => {
  it.each<[string, string, CountryCode | undefined]>([
    ['US', '+14155550100', undefined],
    ['US', '+1 415 555 0100', undefined],
    ['US', '+1 (415) 555-0100', undefined],
    ['US', '(415) 555-0100', 'US'],
    ['US', '415.555.0100', 'US'],
    ['US', '1-415-555-0100', 'US'],
    ['US', '  4155550100 \n', 'US'],
    ['US', '+1\u00a0415\u00a0555\u00a00100', undefined],
    ['GB', '+44 20 7946 0958', undefined],
    ['GB', '020 7946 0958', 'GB'],
    ['GB', '+44 (0)20 7946 0958', undefined],
    ['GB', '0044 20 7946 0958', 'GB'],
    ['GB', '+44 20 7946 0958', 'US'],
    ['TR', '+90 532 123 45 67', undefined],
    ['TR', '0532 123 45 67', 'TR'],
    ['TR', '0 (532) 123-45-67', 'TR'],
    ['TR', '00 90 532 123 4567', 'SI'],
    ['SI', '+386 41 234 567', undefined],
    ['SI', '041 234 567', 'SI'],
    ['SI', '041-234-567', 'SI'],
    ['SI', '00386 41 234 567', 'SI'],
  ])('reads a %s number written %j (default country %s)', (country, raw, defaultCountry) => {
    const expected = { US: '+14155550100', GB: '+442079460958', TR: '+905321234567', SI: '+38641234567' }[
      country
    ];
    expect(normalizeAddress(raw, defaultCountry)).toEqual({ kind: 'e164', value: expected });
  });

  it('reads a normalized number back as itself, and its display form too', () => {
    const countries = getCountries().filter((country) => getExampleNumber(country, examples));
    expect(countries.length).toBeGreaterThan(200);
    const nationalNumber = fc
      .tuple(fc.constantFrom(...countries), fc.integer({ min: 0, max: 9999 }))
      .map(([country, tail]) => {
        // A country's example mobile number with its last four digits replaced: mostly valid, sometimes not.
        const example = getExampleNumber(country, examples)!.nationalNumber;
        return [country, example.slice(0, -4) + String(tail).padStart(4, '0')] as const;
      });
    let normalized = 0;
    fc.assert(
      fc.property(nationalNumber, ([country, digits]) => {
        const address = normalizeAddress(
          `+${getExampleNumber(country, examples)!.countryCallingCode} ${digits}`,
        );
        if (address.kind !== 'e164') return address.kind === 'invalid';
        normalized++;
        const again = { kind: 'e164', value: address.value };
        return (
          isE164(address.value) &&
          JSON.stringify(normalizeAddress(address.value)) === JSON.stringify(again) &&
          JSON.stringify(normalizeAddress(address.value, country)) === JSON.stringify(again) &&
          JSON.stringify(normalizeAddress(formatPhoneForDisplay(address.value))) === JSON.stringify(again)
        );
      }),
      { numRuns: 500 },
    );
    expect(normalized).toBeGreaterThan(250);
  });
});

describe('normalizeAddress: short codes and sender IDs', () => {
  it.each(['12345', '123', '12345678', ' 24680 '])('keeps the short code %j verbatim', (raw) => {
    expect(normalizeAddress(raw)).toEqual({ kind: 'short-code', value: raw.trim() });
    expect(normalizeAddress(raw, 'DE')).toEqual({ kind: 'short-code', value: raw.trim() });
  });

  it('never turns 3 to 8 bare digits into a phone number, whatever the default country', () => {
    const countries = getCountries();
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{3,8}$/),
        fc.option(fc.constantFrom(...countries)),
        (digits, country) => {
          const address = normalizeAddress(digits, country ?? undefined);
          return address.kind === 'short-code' && address.value === digits;
        },
      ),
    );
  });

  it.each(['ACME', 'Acme Shop', 'SHOP24', 'A', '2FA Codes', 'ABCDEFGHIJK'])(
    'keeps the sender ID %j verbatim',
    (raw) => {
      expect(normalizeAddress(raw, 'US')).toEqual({ kind: 'alphanumeric', value: raw });
    },
  );

  it('keeps any sender ID of up to 11 letters, digits and spaces verbatim', () => {
    const senderId = fc
      .stringMatching(/^[A-Za-z0-9]([A-Za-z0-9 ]{0,9}[A-Za-z0-9])?$/)
      .filter((s) => /[A-Za-z]/.test(s));
    fc.assert(
      fc.property(senderId, (raw) => {
        const address = normalizeAddress(raw);
        return address.kind === 'alphanumeric' && address.value === raw;
      }),
    );
  });
});

describe('normalizeAddress: what it refuses', () => {
  it.each([
    ['', /enter a phone number/i],
    ['   ', /enter a phone number/i],
    ['12', /too short/i],
    ['hello world!', /only digits/i],
    ['Café', /only digits/i],
    ['+1 415 555 0100 ext. 5', /only digits/i],
    ['415-555-0100 / 0101', /only digits/i],
    ['1+415 555 0100', /only digits/i],
    ['ACME Corporation', /at most 11 characters/i],
    ['4155550100', /add the country code/i],
    ['07911 123456', /add the country code/i],
    ['+999 123 4567', /no country has this country code/i],
    ['+1 415 555', /too short|wrong number of digits/i],
    ['+1 415 555 0100 0000', /too long|wrong number of digits/i],
    ['+1 123 456 7890', /not a valid phone number/i],
    ['12-345', /not a valid phone number|wrong number of digits/i],
  ])('refuses %j with a readable reason', (raw, reason) => {
    const address = normalizeAddress(raw, raw === '12-345' ? 'DE' : undefined);
    expect(address.kind).toBe('invalid');
    expect(address.kind === 'invalid' && address.reason).toMatch(reason);
    expect(address.kind === 'invalid' && address.reason).toMatch(/^[A-Z].*\.$/);
  });
});

describe('isE164 and formatPhoneForDisplay', () => {
  it('accepts only a valid number written exactly in E.164', () => {
    expect(isE164('+14155550100')).toBe(true);
    expect(isE164('+442079460958')).toBe(true);
    for (const value of [
      '+1 415 555 0100',
      '14155550100',
      '+11234567890',
      '+1415555010',
      '12345',
      'ACME',
      '',
      14155550100,
      null,
    ])
      expect([value, isE164(value)]).toEqual([value, false]);
  });

  it('formats numbers in international form and leaves anything else alone', () => {
    expect(formatPhoneForDisplay('+14155550100')).toBe('+1 415 555 0100');
    expect(formatPhoneForDisplay('+38641234567')).toBe('+386 41 234 567');
    expect(formatPhoneForDisplay('+905321234567')).toBe('+90 532 123 45 67');
    expect(formatPhoneForDisplay('12345')).toBe('12345');
    expect(formatPhoneForDisplay('ACME')).toBe('ACME');
  });
});
