// The visitor's typing, for the agents ("is typing…", and the draft where the site shares it): a chunk of its own
// (widget-typing.js), fetched at the first keystroke. At most one frame every 2 s while typing; "stopped" once sent.
import type { VisitorTyping } from '@livechat/shared/protocol';

export interface Typing {
  typed: (text: string) => void;
  /** The message went: agents stop seeing "is typing". */
  sent: () => void;
}

export function createTyping(
  cast: (frame: VisitorTyping) => void,
  preview: () => boolean | undefined,
): Typing {
  let at = 0;
  return {
    typed(text) {
      if (!text.trim() || Date.now() - at < 2e3) return;
      at = Date.now();
      cast({ type: 'typing', typing: true, ...(preview() && { text: text.slice(0, 200) }) });
    },
    sent() {
      if (!at) return;
      at = 0;
      cast({ type: 'typing', typing: false });
    },
  };
}
