// The emoji picker's words, per locale (this chunk's own table). Category names come with the emoji data in
// English; the other languages name them here.
import type { Locale } from '@livechat/shared/model';

export interface EmojiStrings {
  title: string;
  search: string;
  recent: string;
  none: string;
  /** Category names by id; English uses the data's own. */
  categories?: Record<string, string>;
}

export const EMOJI_STRINGS: Record<Locale, EmojiStrings> = {
  en: { title: 'Emoji', search: 'Search emoji', recent: 'Recently used', none: 'No emoji found' },
  tr: {
    title: 'Emoji',
    search: 'Emoji ara',
    recent: 'Son kullanılanlar',
    none: 'Emoji bulunamadı',
    categories: {
      smileys: 'İfadeler ve duygular',
      people: 'İnsanlar ve vücut',
      animals: 'Hayvanlar ve doğa',
      food: 'Yiyecek ve içecek',
      travel: 'Seyahat ve yerler',
      activities: 'Etkinlikler',
      objects: 'Nesneler',
      symbols: 'Semboller',
      flags: 'Bayraklar',
    },
  },
  sl: {
    title: 'Emoji',
    search: 'Iskanje emojijev',
    recent: 'Nedavno uporabljeni',
    none: 'Ni najdenih emojijev',
    categories: {
      smileys: 'Smeški in čustva',
      people: 'Ljudje in telo',
      animals: 'Živali in narava',
      food: 'Hrana in pijača',
      travel: 'Potovanja in kraji',
      activities: 'Dejavnosti',
      objects: 'Predmeti',
      symbols: 'Simboli',
      flags: 'Zastave',
    },
  },
};
