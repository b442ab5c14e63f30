import { Component, createRef, type RefObject } from 'preact';
import type { Attachment } from '@livechat/shared/model';
import { MAX_ANSWER_LENGTH } from '@livechat/shared/playbook/answer-limit';
import { LIMITS } from '@livechat/shared/protocol/constants';
import type { Strings } from '../i18n/strings.js';
import type { ChatSession } from '../state/chat-session.js';
import type { QuestionContent } from '../state/playbook-view.js';
import { answerCheck, loadAnswerCheck } from './answer-check.js';
import { AttachIcon, EmojiIcon, MicIcon, SendIcon } from './icons.js';
import { EmojiPicker } from './media.js';

interface Props {
  t: Strings;
  disabled: boolean;
  /** Returns false when the text was not taken (empty), so it stays in the box. */
  onSend: (body: string) => boolean;
  inputRef: RefObject<HTMLTextAreaElement>;
  /** While the bot waits for an answer the textbox is its input: checked before it is sent. */
  question: QuestionContent | null;
  session: ChatSession;
  /** Files uploaded for the next message (null while one is still uploading; undefined: none picked). */
  files: Attachment[] | null | undefined;
  /** Picked with the "Attach file" button or pasted into the box. */
  onFiles: (files: FileList) => void;
  onVoice: () => void;
}

interface State {
  text: string;
  emoji?: boolean;
  /** The question the typed answer did not fit; a new question clears the message by not being this one. */
  refused: QuestionContent | null;
}

const INPUT_MODE = { email: 'email', phone: 'tel' } as const;
const hasInputMode = (input: string): input is keyof typeof INPUT_MODE => input in INPUT_MODE;
/** Answers to the bot are shorter than messages; both are counted, never cut. */
const limitOf = (question: QuestionContent | null): number =>
  question ? MAX_ANSWER_LENGTH : LIMITS.maxMessageLength;
const ERROR_ID = 'lc-answer-error';
const COUNT_ID = 'lc-count';

// A class, like the panel's other stateful parts: preact/hooks would cost the bundle about 1 KB gzip.
export class Composer extends Component<Props, State> {
  override state: State = { text: '', refused: null };
  #picker = createRef<HTMLInputElement>();

  #submit = (): void => {
    const { question, onSend } = this.props;
    const { text } = this.state;
    let body = text;
    // Over the limit: the message says so; nothing is cut or sent.
    if (text.length > limitOf(question)) return;
    const check = question && answerCheck();
    if (check) {
      const answer = check(question.input, text, question.choices);
      if (!answer.ok) {
        // An empty box is not an answer yet; it needs no message.
        if (text.trim()) this.setState({ refused: question });
        return;
      }
      body = answer.value;
    }
    if (onSend(body)) this.setState({ text: '' });
  };

  override render(
    { t, disabled, inputRef, question, session, files, onFiles, onVoice }: Props,
    { text, refused, emoji }: State,
  ) {
    if (question) loadAnswerCheck();
    const limit = limitOf(question);
    // The counter shows near the limit; past it the message cannot be sent and says why.
    const counted = text.length > limit * 0.9;
    const tooLong = text.length > limit;
    const error = tooLong
      ? t.tooLong(limit)
      : question !== null && refused === question && t.invalid[question.input];
    /** An email or phone question: the keyboard and placeholder fit it. */
    const typed = question && hasInputMode(question.input) ? question.input : undefined;
    return (
      <form
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          this.#submit();
        }}
      >
        {error && (
          <p class="error" id={ERROR_ID} role="alert">
            {error}
          </p>
        )}
        {counted && (
          <p class={tooLong ? 'count over' : 'count'} id={COUNT_ID}>
            {text.length}/{limit}
          </p>
        )}
        <input
          type="file"
          multiple
          hidden
          ref={this.#picker}
          onChange={(e) => {
            onFiles(e.currentTarget.files!);
            e.currentTarget.value = '';
          }}
        />
        <button
          class="tool"
          type="button"
          aria-label={t.attach}
          disabled={disabled}
          onClick={() => this.#picker.current!.click()}
        >
          <AttachIcon />
        </button>
        <button class="tool" type="button" aria-label={t.record} disabled={disabled} onClick={onVoice}>
          <MicIcon />
        </button>
        <button
          class="tool"
          type="button"
          aria-label={t.emoji}
          aria-expanded={!!emoji}
          onClick={() => this.setState({ emoji: !emoji })}
        >
          <EmojiIcon />
        </button>
        {emoji && (
          <EmojiPicker
            session={session}
            field={inputRef.current!}
            onText={(value) => this.setState({ text: value })}
            onClose={() => this.setState({ emoji: false })}
          />
        )}
        <textarea
          ref={inputRef}
          aria-label={t.message}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? ERROR_ID : counted ? COUNT_ID : undefined}
          inputmode={typed && INPUT_MODE[typed]}
          placeholder={typed ? t.hint[typed] : t.placeholder}
          rows={1}
          value={text}
          disabled={disabled}
          onInput={(e) => {
            this.setState({ text: e.currentTarget.value, refused: null });
            session.typed(e.currentTarget.value);
          }}
          onPaste={(e) => {
            const pasted = e.clipboardData?.files;
            if (pasted?.length) {
              e.preventDefault();
              onFiles(pasted);
            }
          }}
          onKeyDown={(e) => {
            // Enter sends, Shift+Enter is a new line; never send in the middle of an IME composition.
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              this.#submit();
            }
          }}
        />
        <button
          class="send"
          type="submit"
          aria-label={t.send}
          disabled={disabled || tooLong || files === null || !(text.trim() || files?.length)}
        >
          <SendIcon />
        </button>
      </form>
    );
  }
}
