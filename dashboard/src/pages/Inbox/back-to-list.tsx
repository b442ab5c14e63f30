// On a phone the inbox shows the list or the open conversation, not both: this link, shown only there (see
// inbox.css), goes back to the list. The list keeps its folder and filters (the inbox store holds them).
import { routeHref } from '../../state/route.js';

export function BackToList() {
  return (
    <a class="inbox__back" href={routeHref({ page: 'inbox', conversationId: null })}>
      <span aria-hidden="true">← </span>Back to conversations
    </a>
  );
}
