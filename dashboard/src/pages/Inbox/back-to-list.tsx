// On a phone the inbox shows the list or the open conversation, not both: this link, shown only there (see
// inbox.css), goes back to the list. The list keeps its folder and filters (the inbox store holds them).
import { routeHref } from '../../state/route.js';
import { useT } from '../../i18n/i18n.js';

export function BackToList() {
  const t = useT();
  return (
    <a class="inbox__back" href={routeHref({ page: 'inbox', conversationId: null })}>
      <span aria-hidden="true">← </span>
      {t('inbox.back')}
    </a>
  );
}
