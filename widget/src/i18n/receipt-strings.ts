// The words of typing and seen receipts, in every language the panel speaks: they ship in the receipts chunk
// (ui/receipts.tsx), loaded when the first typing or seen event arrives, so widget-chat.js does not carry them.
import type { Locale } from '@livechat/shared/model';

export interface ReceiptStrings {
  typing: (name: string) => string;
  /** Under the visitor's message the team has read. */
  seen: string;
  /** The privacy note, where the site shares typing previews with its agents. */
  preview: string;
}

export const RECEIPT_STRINGS: Record<Locale, ReceiptStrings> = {
  en: {
    typing: (name) => `${name} is typing…`,
    seen: 'Seen',
    preview: 'Our team can see what you type before you send it.',
  },
  tr: {
    typing: (name) => `${name} yazıyor…`,
    seen: 'Görüldü',
    preview: 'Ekibimiz, siz göndermeden önce yazdıklarınızı görebilir.',
  },
  sl: {
    typing: (name) => `${name} piše …`,
    seen: 'Prebrano',
    preview: 'Naša ekipa vidi, kar pišete, še preden sporočilo pošljete.',
  },
};
