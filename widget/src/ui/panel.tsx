import { Component, createRef } from 'preact';
import type { Attachment } from '@livechat/shared/model';
import { pickLocale } from '../i18n/pick-locale.js';
import { loadStrings, PANEL_LOCALES, STRINGS, type Strings } from '../i18n/strings.js';
import type { ChatSession, SessionState } from '../state/chat-session.js';
import { allMessages } from '../state/messages.js';
import { pendingQuestion, situation, speaker, waitingUntil } from '../state/playbook-view.js';
import { ChatHeader } from './chat-header.js';
import { Composer } from './composer.js';
import { FileTray, QuestionChoices, Receipts, VoiceRecorder, WaitingStatus } from './media.js';
import { MessageList } from './message-list.js';

interface Props {
  session: ChatSession;
  onClose: () => void;
}

interface State extends SessionState {
  /** The files picked, dropped or pasted last; undefined once they were sent. */
  add?: File[];
  /** What the file tray has uploaded (null while uploading). */
  ready?: Attachment[] | null;
  voice?: boolean;
}

/**
 * Renders the session's state, re-rendering whenever it changes; focuses the textbox when the panel opens. Files
 * dropped anywhere on it are attached.
 */
export class Panel extends Component<Props, State> {
  override state: State = this.props.session.get();
  #input = createRef<HTMLTextAreaElement>();
  #unsubscribe: (() => void) | undefined;
  /** The words shown last: kept while another language is fetched; none before the first table is at hand. */
  #t: Strings | undefined;
  /** Whether the panel was on screen after the last render. */
  #shown = false;

  override componentDidMount(): void {
    const { session } = this.props;
    this.#unsubscribe = session.subscribe(() => this.setState(session.get()));
    this.setState(session.get()); // in case it changed between the first render and now
    this.componentDidUpdate();
  }

  /** Focuses the textbox when the panel comes on screen (opened, or its language arrived). */
  override componentDidUpdate(): void {
    const shown = this.state.open && !!this.#t;
    if (shown && !this.#shown) this.#input.current?.focus();
    this.#shown = shown;
  }

  override componentWillUnmount(): void {
    this.#unsubscribe?.();
  }

  #add = (files: FileList): void => {
    if (files.length) this.setState({ add: [...files] });
  };

  /** A message with the tray's files (once they are all uploaded), which then empties. */
  #send = (body: string): boolean => {
    const { ready } = this.state;
    const sent = ready !== null && this.props.session.send(body, ready);
    if (sent) this.setState({ add: undefined, ready: undefined });
    return sent;
  };

  override render({ session, onClose }: Props, state: State) {
    const locale = pickLocale(PANEL_LOCALES, navigator.languages, state.site?.locale);
    const t = (this.#t = STRINGS[locale] ?? this.#t);
    if (locale !== 'en' && !STRINGS[locale]) void loadStrings(locale).then(() => this.forceUpdate());
    if (!t) return null;
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
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          const dropped = e.dataTransfer?.files;
          if (dropped?.length) {
            e.preventDefault();
            this.#add(dropped);
          }
        }}
      >
        <ChatHeader
          t={t}
          state={state}
          now={now}
          speaker={speaker(now, state.site, t.title)}
          onClose={onClose}
        />
        {state.unavailable && <p class="banner">{t.unavailable}</p>}
        <MessageList t={t} messages={messages} visible={state.open} session={session} lang={locale} />
        {(state.typing || state.read || state.site?.typingPreview) && (
          <Receipts state={state} messages={messages} lang={locale} />
        )}
        {until !== null && <WaitingStatus key={until} t={t} until={until} clockOffset={state.clockOffset} />}
        {question?.input === 'choice' && (
          <QuestionChoices
            choices={question.choices ?? []}
            disabled={state.unavailable}
            onPick={session.send}
          />
        )}
        {state.add && (
          <FileTray session={session} add={state.add} onReady={(ready) => this.setState({ ready })} />
        )}
        {state.voice && <VoiceRecorder session={session} onDone={() => this.setState({ voice: false })} />}
        <Composer
          t={t}
          disabled={state.unavailable}
          onSend={this.#send}
          inputRef={this.#input}
          question={question}
          session={session}
          files={state.ready}
          onFiles={this.#add}
          onVoice={() => this.setState({ voice: true })}
        />
      </section>
    );
  }
}
