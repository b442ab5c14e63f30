// SMS addresses: E.164 phone numbers, short codes and alphanumeric sender IDs.
// Metadata set: `max`. With `min`, isValid() only checks a number's length (libphonenumber-js README, "min vs max"),
// so "12-345" with Germany as default country passes as +4912345; `mobile` would refuse the landline, toll-free and
// VoIP numbers that also take SMS. `max` is the smallest set that tells a real number from a merely possible one.
import {
  ParseError,
  parsePhoneNumberWithError,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

export type { CountryCode };

export type SmsAddress =
  | { kind: 'e164'; value: string }
  | { kind: 'short-code'; value: string }
  | { kind: 'alphanumeric'; value: string }
  | { kind: 'invalid'; reason: string };

/** Digits alone, as Twilio writes short codes. Written with a + or separators, digits are read as a phone number. */
const SHORT_CODE = /^\d{3,8}$/;
/** Twilio's alphanumeric sender ID: up to 11 ASCII letters, digits and spaces, at least one of them a letter. */
const ALPHANUMERIC = /^(?=.*[A-Za-z])[A-Za-z\d ]{1,11}$/;
const SENDER_ID_SHAPED = /^(?=.*[A-Za-z])[A-Za-z\d ]+$/;
/** Digits with spaces, dashes, dots and parentheses, and a + only in front. */
const PHONE_CHARACTERS = /^\+?[\d\s\p{Pd}.()]+$/u;
const E164 = /^\+[1-9]\d{1,14}$/;

const WRONG_LENGTH = 'This phone number has the wrong number of digits for its country.';
const NOT_ASSIGNED = 'This is not a valid phone number; check the digits.';
const UNKNOWN_COUNTRY_CODE = 'No country has this country code; check the digits after the +.';
/** libphonenumber-js ParseError codes, in words. */
const PARSE_REASONS: Record<string, string> = {
  INVALID_COUNTRY: 'Add the country code, starting with + (for example +1 415 555 0100).',
  NOT_A_NUMBER: 'This is not a phone number.',
  TOO_SHORT: 'This phone number is too short.',
  TOO_LONG: 'This phone number is too long.',
  INVALID_LENGTH: WRONG_LENGTH,
};

/**
 * Reads a phone number (E.164, international, or national with `defaultCountry`), a short code or an alphanumeric
 * sender ID. Short codes and sender IDs are kept as given; anything else gets a reason a person can act on.
 */
export function normalizeAddress(raw: string, defaultCountry?: CountryCode): SmsAddress {
  const text = raw.trim();
  if (text === '') return invalid('Enter a phone number, a short code or a sender ID.');
  if (SHORT_CODE.test(text)) return { kind: 'short-code', value: text };
  if (ALPHANUMERIC.test(text)) return { kind: 'alphanumeric', value: text };
  if (SENDER_ID_SHAPED.test(text)) return invalid('A sender ID can be at most 11 characters long.');
  if (!PHONE_CHARACTERS.test(text)) {
    return invalid(
      'Use only digits, spaces, dashes, dots, parentheses and a leading + for a phone number, ' +
        'or up to 11 letters (A to Z), digits and spaces for a sender ID.',
    );
  }
  if (text.replace(/\D/g, '').length < 3)
    return invalid('This is too short for a phone number or a short code.');
  const parsed = parsePhone(text, defaultCountry);
  if (typeof parsed === 'string') return invalid(parsed);
  if (!parsed.isPossible()) return invalid(WRONG_LENGTH);
  if (!parsed.isValid()) return invalid(NOT_ASSIGNED);
  return { kind: 'e164', value: parsed.number };
}

/** A phone number, or the reason it is not one. */
function parsePhone(text: string, defaultCountry: CountryCode | undefined): PhoneNumber | string {
  try {
    return parsePhoneNumberWithError(text, { defaultCountry, extract: false });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    if (error.message === 'INVALID_COUNTRY' && text.startsWith('+')) return UNKNOWN_COUNTRY_CODE;
    return PARSE_REASONS[error.message] ?? NOT_ASSIGNED;
  }
}

function invalid(reason: string): SmsAddress {
  return { kind: 'invalid', reason };
}

/** True for a phone number exactly as normalizeAddress writes it: valid, E.164, nothing else around it. */
export function isE164(value: unknown): value is string {
  if (typeof value !== 'string' || !E164.test(value)) return false;
  const address = normalizeAddress(value);
  return address.kind === 'e164' && address.value === value;
}

/** "+1 415 555 0100" for "+14155550100"; anything that is not a phone number comes back unchanged. */
export function formatPhoneForDisplay(e164: string): string {
  try {
    return parsePhoneNumberWithError(e164, { extract: false }).formatInternational();
  } catch {
    return e164;
  }
}
