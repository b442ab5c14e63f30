// Where the visitor is, for the agents' side panel (the server adds browser, OS and the rest from the request): a
// chunk of its own, fetched after the first welcome, as nothing the visitor sees waits for it.
import { createClientId } from '@livechat/shared/client';
import type { PageView } from '@livechat/shared/protocol';

export const pageView = (): PageView => ({
  type: 'page.view',
  id: createClientId(),
  url: location.href,
  title: document.title,
  referrer: document.referrer,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  language: navigator.language,
});
