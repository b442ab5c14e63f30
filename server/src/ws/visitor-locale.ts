// The visitor's language for the bot's texts, picked the way the widget picks its own (widget/src/i18n/pick-locale.ts):
// the first of the browser's languages the product speaks, by primary subtag. The widget's hello may say it; else the
// browser's Accept-Language header on the socket's upgrade request tells the same list, at no widget bytes.
import type { Locale } from '@livechat/shared/model';
import { LOCALES } from '@livechat/shared/protocol/constants';

/** The first supported language of an Accept-Language header (by quality, then order); null for none. */
export function acceptedLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  const tags = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    const primary = tag.split('-')[0]!.toLowerCase();
    const found = LOCALES.find((l) => l === primary);
    if (found) return found;
  }
  return null;
}
