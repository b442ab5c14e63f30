import { Component, createRef } from 'preact';
import { pickLocale } from '../i18n/pick-locale.js';
import { STRINGS } from '../i18n/strings.js';
import type { ChatSession, SessionState } from '../state/chat-session.js';
import { allMessages } from '../state/messages.js';
import { pendingQuestion, situation, speaker, waitingUntil } from '../state/playbook-view.js';
import { ChatHeader } from './chat-header.js';
import { Composer } from './composer.js';
import { MessageList } from './message-list.js';
import { QuestionChoices } from './question-choices.js';
import { WaitingStatus } from './waiting-status.js';

interface Props {
  session: ChatSession;
  onClose: () => void;
}

/** Renders the session's state, re-rendering whenever it changes; focuses the textbox when the panel opens. */
export class Panel extends Component<Props, SessionState> {
  override state = this.props.session.get();
  private input = createRef<HTMLTextAreaElement>();
  private unsubscribe: (() => void) | undefined;

  override componentDidMount(): void {
    const { session } = this.props;
    this.unsubscribe = session.subscribe(() => this.setState(session.get()));
    this.setState(session.get()); // in case it changed between the first render and now
    if (this.state.open) this.input.current?.focus();
  }

  override componentDidUpdate(_: Props, prev: SessionState): void {
    if (this.state.open && !prev.open) this.input.current?.focus();
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  override render({ session, onClose }: Props, state: SessionState) {
    const locale = pickLocale(STRINGS, navigator.languages, state.site?.locale);
    const t = STRINGS[locale];
    const messages = allMessages(state.messages);
    const question = pendingQuestion(messages);
    const until = waitingUntil(messages);
    const now = situation(messages);
    return (
      <section
        class="panel"
        lang={locale}
        role="dialog"
        aria-labelledby="lc-title"
        hidden={!state.open}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <ChatHeader
          t={t}
          state={state}
          now={now}
          speaker={speaker(now, state.site, t.title)}
          onClose={onClose}
        />
        {state.unavailable && <p class="banner">{t.unavailable}</p>}
        <MessageList t={t} messages={messages} visible={state.open} onRetry={session.retry} />
        {until !== null && <WaitingStatus key={until} t={t} until={until} clockOffset={state.clockOffset} />}
        {question?.input === 'choice' && (
          <QuestionChoices
            choices={question.choices ?? []}
            disabled={state.unavailable}
            onPick={session.send}
          />
        )}
        <Composer
          t={t}
          disabled={state.unavailable}
          onSend={session.send}
          inputRef={this.input}
          question={question}
        />
      </section>
    );
  }
}
