import { Component, createRef } from 'preact';
import type { Strings } from '../i18n/strings.js';
import type { ChatSession } from '../state/chat-session.js';
import type { ChatMessage } from '../state/messages.js';
import { MessageItem } from './message-item.js';

interface Props {
  t: Strings;
  messages: ChatMessage[];
  /** Scroll to the newest message when the panel is shown, too. */
  visible: boolean;
  session: ChatSession;
  /** The panel's language (message times). */
  lang: string;
}

/**
 * Keeps the newest content in view: after every render, when the log itself shrinks (choices, a notice or the
 * waiting line appear below it) and when an image in it loads; unless the visitor scrolled up to read (until they
 * send a message themselves).
 */
export class MessageList extends Component<Props> {
  #log = createRef<HTMLDivElement>();
  /** Follow the bottom: true until the visitor scrolls up, again once they are back at the bottom. */
  #stick = true;
  /** Where our own last scroll put the log: a scroll event at or below it is not the visitor scrolling up. */
  #pos = 0;
  #observer: ResizeObserver | undefined;

  // Before the browser paints, so the list never shows at its old position first.
  override componentDidMount(): void {
    this.#observer = new ResizeObserver(this.#follow);
    this.#observer.observe(this.#log.current!);
    this.#follow();
  }

  override componentDidUpdate({ messages: before }: Props): void {
    const { messages } = this.props;
    const last = messages[messages.length - 1];
    // The visitor's own new message (typed or a picked choice): back to the bottom, wherever they had scrolled.
    if (last?.author.kind === 'visitor' && last.key !== before[before.length - 1]?.key) this.#stick = true;
    this.#follow();
  }

  override componentWillUnmount(): void {
    this.#observer?.disconnect();
  }

  #follow = (): void => {
    const log = this.#log.current;
    if (log && this.#stick) {
      log.scrollTop = log.scrollHeight;
      this.#pos = log.scrollTop;
    }
  };

  #onScroll = (): void => {
    const log = this.#log.current!;
    this.#stick = log.scrollTop >= Math.min(this.#pos, log.scrollHeight - log.clientHeight - 40);
  };

  override render({ t, messages, session, lang }: Props) {
    return (
      <div
        class="log"
        role="log"
        aria-live="polite"
        ref={this.#log}
        onScroll={this.#onScroll}
        onLoadCapture={this.#follow}
      >
        {messages.length === 0 && <p class="empty">{t.empty}</p>}
        {messages.map((m, i) => {
          const prev = messages[i - 1];
          const showAuthor =
            (m.author.kind === 'agent' || m.author.kind === 'bot') &&
            (prev?.author.kind !== m.author.kind || prev.author.name !== m.author.name);
          return (
            <MessageItem
              key={m.key}
              t={t}
              message={m}
              showAuthor={showAuthor}
              session={session}
              lang={lang}
            />
          );
        })}
      </div>
    );
  }
}
