// How many SMS segments a text costs, counted the way carriers (and Twilio's bills) count them.
// Alphabets: 3GPP TS 23.038 (GSM 03.38) default 7-bit alphabet and its extension table. Limits: Twilio, "How long can a
// message be?" — GSM-7 160 septets alone, 153 per concatenated part; UCS-2 70 code units alone, 67 per part (the rest
// of each part is the concatenation header).

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Encoded length: GSM-7 septets (an extension character takes two) or UCS-2 (UTF-16) code units. */
  units: number;
  /** Parts the text is sent as; 0 for empty text. */
  segments: number;
  /** Units one segment holds: the single-message limit, or the per-part limit once the text is split. */
  perSegment: number;
  /** Units still free in the last segment before the text needs another one. */
  remainingInSegment: number;
}

/** The GSM 7-bit default alphabet: all 128 codes except 0x1B, the escape to the extension table. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: each is sent as ESC + code, so it takes two septets. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS: Record<SmsEncoding, { single: number; concatenated: number }> = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
};

/**
 * Twilio refuses an outbound body longer than 1,600 characters (error 21617) and cuts an inbound one there
 * (help.twilio.com "Maximum Message Length with Twilio Programmable Messaging"). Twilio does not name its unit; its
 * 21617 page says emoji and other wide characters count as several. We count UTF-16 code units (String length): an
 * emoji counts two, every other character one.
 */
export const SMS_MAX_LENGTH = 1600;

/** Whether the provider would refuse `text` as too long. */
export function smsTooLong(text: string): boolean {
  return text.length > SMS_MAX_LENGTH;
}

export function smsSegments(text: string): SmsSegments {
  const characters = [...text];
  const gsm = characters.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c));
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  // A unit pair (escape + code, or an emoji's surrogate pair) is one character and never straddles two segments.
  const widths = characters.map((c) => (gsm ? (GSM_EXTENSION.has(c) ? 2 : 1) : c.length));
  return { encoding, ...pack(widths, LIMITS[encoding]) };
}

/** Fills segments in order, moving a character that would not fit whole into the next segment. */
function pack(
  widths: number[],
  { single, concatenated }: { single: number; concatenated: number },
): Omit<SmsSegments, 'encoding'> {
  const units = widths.reduce((sum, width) => sum + width, 0);
  if (units <= single) {
    return { units, segments: units === 0 ? 0 : 1, perSegment: single, remainingInSegment: single - units };
  }
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > concatenated) {
      segments++;
      used = 0;
    }
    used += width;
  }
  return { units, segments, perSegment: concatenated, remainingInSegment: concatenated - used };
}
