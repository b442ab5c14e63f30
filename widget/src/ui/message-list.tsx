import { Component, createRef } from 'preact';
import type { Strings } from '../i18n/strings.js';
import type { ChatMessage } from '../state/messages.js';
import { MessageItem } from './message-item.js';

interface Props {
  t: Strings;
  messages: ChatMessage[];
  /** Scroll to the newest message when the panel is shown, too. */
  visible: boolean;
  onRetry: (clientId: string) => void;
}

export class MessageList extends Component<Props> {
  private log = createRef<HTMLDivElement>();

  // Before the browser paints, so the list never shows at its old position first.
  override componentDidMount(): void {
    this.scrollDown();
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.messages.length !== this.props.messages.length || prev.visible !== this.props.visible)
      this.scrollDown();
  }

  private scrollDown(): void {
    const log = this.log.current;
    if (log) log.scrollTop = log.scrollHeight;
  }

  override render({ t, messages, onRetry }: Props) {
    return (
      <div class="log" role="log" aria-live="polite" ref={this.log}>
        {messages.length === 0 && <p class="empty">{t.empty}</p>}
        {messages.map((m, i) => {
          const prev = messages[i - 1];
          const showAuthor =
            (m.author.kind === 'agent' || m.author.kind === 'bot') &&
            (prev?.author.kind !== m.author.kind || prev.author.name !== m.author.name);
          return <MessageItem key={m.key} t={t} message={m} showAuthor={showAuthor} onRetry={onRetry} />;
        })}
      </div>
    );
  }
}
