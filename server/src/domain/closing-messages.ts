// Closing messages: what "Close chat" may send the contact last. Each site starts with a few built in, in every
// language the widget speaks, listed while the site speaks that language (its playbook's); admins add their own
// (listed whatever the language), and change or delete any of them.
import type { ClosingMessage } from '@livechat/shared/api';
import type { Locale } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { DomainError, notFound } from './errors.js';
import { DEFAULT_PLAYBOOK } from './playbook/default-playbook.js';
import type { Store } from './store.js';
import { newId } from './tokens.js';

export const BUILT_IN_CLOSING_MESSAGES: Record<Locale, readonly string[]> = {
  en: [
    'Thanks for chatting with us. Have a great day!',
    'Glad we could help. If anything else comes up, just write to us here.',
    'We are closing this chat now. Write to us any time if you need more help.',
  ],
  tr: [
    'Bizimle sohbet ettiğiniz için teşekkürler. İyi günler dileriz!',
    'Yardımcı olabildiysek ne mutlu. Başka bir sorunuz olursa buradan bize yazabilirsiniz.',
    'Bu sohbeti şimdi kapatıyoruz. Daha fazla yardıma ihtiyacınız olursa istediğiniz zaman bize yazın.',
  ],
  sl: [
    'Hvala za klepet z nami. Lep dan vam želimo!',
    'Veseli smo, da smo lahko pomagali. Če se pojavi še kaj, nam pišite kar tukaj.',
    'Ta klepet zdaj zaključujemo. Če potrebujete še kaj pomoči, nam pišite kadar koli.',
  ],
};

export function createClosingMessageService(store: Store, now: () => number) {
  const existingSite = async (siteId: string) => {
    if (!(await store.sites.byId(siteId))) throw notFound('Site');
  };
  /** The site's language: its playbook's (the widget's default), English before it has one. */
  const localeOf = async (siteId: string): Promise<Locale> =>
    (await store.playbooks.latest(siteId))?.locale ?? DEFAULT_PLAYBOOK.locale;

  /** Adds the built-in messages the first time anyone asks for a site's list; never again (deleted ones stay so). */
  const withBuiltIns = (siteId: string) =>
    store.transaction(async () => {
      if (!(await store.closingMessages.claimBuiltIns(siteId))) return;
      const at = now();
      let order = 0;
      for (const [locale, texts] of Object.entries(BUILT_IN_CLOSING_MESSAGES) as [Locale, string[]][])
        for (const text of texts)
          // A millisecond apart: the list keeps the order they are written in above.
          await store.closingMessages.insert(
            siteId,
            { id: newId(), locale, text, updatedAt: at + order++ },
            null,
          );
    });

  const list = async (siteId: string): Promise<ClosingMessage[]> => {
    await existingSite(siteId);
    await withBuiltIns(siteId);
    return store.closingMessages.ofSite(siteId, await localeOf(siteId));
  };

  return {
    /** The site's messages in its language, and the admins' own. */
    list,

    /** An admin's own message: listed whatever the site's language. */
    create: (siteId: string, text: string, agentId: string): Promise<ClosingMessage> =>
      store.transaction(async () => {
        await existingSite(siteId);
        await withBuiltIns(siteId);
        const message: ClosingMessage = { id: newId(), text, locale: null, updatedAt: now() };
        await store.closingMessages.insert(siteId, message, agentId);
        return message;
      }),

    update: (siteId: string, id: string, text: string): Promise<ClosingMessage> =>
      store.transaction(async () => {
        if (!(await store.closingMessages.update(siteId, id, text, now()))) throw notFound('Closing message');
        return (await store.closingMessages.byId(siteId, id))!;
      }),

    remove: async (siteId: string, id: string): Promise<void> => {
      if (!(await store.closingMessages.remove(siteId, id))) throw notFound('Closing message');
    },

    /**
     * The message "Close chat" sends: one of the conversation's site's, as listed (in the site's language or the
     * admins' own). Anything else is refused in words, before anything is written.
     */
    chosen: async (siteId: string, id: string): Promise<ClosingMessage> => {
      const found = await store.closingMessages.byId(siteId, id);
      if (!found || (found.locale !== null && found.locale !== (await localeOf(siteId))))
        throw new DomainError(
          ErrorCode.InvalidRequest,
          'This closing message does not exist (an admin may have deleted it); choose another one, or None.',
          'closingMessageId',
        );
      return found;
    },
  };
}
export type ClosingMessageService = ReturnType<typeof createClosingMessageService>;
