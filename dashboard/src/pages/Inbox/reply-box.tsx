import type { Attachment, SavedReply } from '@livechat/shared/model';
import { LIMITS } from '@livechat/shared/protocol/constants';
import {
  fillVariables,
  missingVariables,
  variablesIn,
  type ReplyVariable,
  type VariableValues,
} from '@livechat/shared/saved-replies';
import { smsTooLong } from '@livechat/shared/sms';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MicrophoneIcon, PaperclipIcon } from '../../components/icons.js';
import { insertReply, type SlashQuery } from './slash-query.js';
import { ReplyVariablesDialog } from './reply-variables-dialog.js';
import { useReplyVariables } from './use-reply-variables.js';
import { SavedReplyPicker } from './saved-reply-picker.js';
import { useSavedReplyPicker } from './use-saved-reply-picker.js';
import { SmsCounter } from '../Sms/sms-counter.js';
import { AttachmentChips } from './attachment-chips.js';
import { EmojiButton } from './emoji-button.js';
import { useAttachments } from './use-attachments.js';
import { pastedFiles, useFileDrop } from './use-file-drop.js';
import { useVoiceNote } from './use-voice-note.js';
import { VoiceNotePanel } from './voice-note-panel.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  /** Where attached files and voice notes upload. */
  conversationId: string;
  /** Text typed earlier in this conversation, kept while the agent looks at another one. */
  initial: string;
  onDraft: (text: string) => void;
  /** Words, files (the words are then their caption), or both. Returns false when not accepted. */
  onSend: (text: string, attachments: readonly Attachment[]) => boolean;
  /** Offered after "/" in the box; their variables are filled in when inserted. */
  replies: readonly SavedReply[];
  /** For {{agent.name}} and {{agent.first_name}}. */
  agentName: string;
  /** An SMS conversation: the counter of characters and segments, and no sending past the provider's limit. */
  sms?: boolean;
}

/** Show the counter once the agent is close to the length limit. */
const COUNTER_FROM = LIMITS.maxMessageLength * 0.9;
const VERTICAL = new Set(['ArrowUp', 'ArrowDown']);
const CARET_KEYS = new Set([...VERTICAL, 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/** Office apps copy text with a picture of it: their text is what the agent means to paste. */
const isRichText = (e: ClipboardEvent) => {
  const types = Array.from(e.clipboardData?.types ?? []);
  return types.includes('text/plain') && types.includes('text/html');
};

/** A saved reply waiting for the values the agent is asked for. */
interface Asking {
  reply: SavedReply;
  slash: SlashQuery;
  values: VariableValues;
  missing: ReplyVariable[];
}

export function ReplyBox({
  conversationId,
  initial,
  onDraft,
  onSend,
  replies,
  agentName,
  sms = false,
}: Props) {
  const t = useT();
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const box = useRef<HTMLTextAreaElement>(null);
  /** Where to put the caret after the next render (a saved reply was inserted). */
  const moveCaret = useRef<number | null>(null);
  const hintId = useId();
  const counterId = useId();
  const tooLong = sms && smsTooLong(text);

  const update = (value: string, at: number) => {
    setText(value);
    setCaret(at);
    onDraft(value);
  };
  /** The text now, for an insertion that waited for the contact's details. */
  const latest = useRef(text);
  latest.current = text;
  const [asking, setAsking] = useState<Asking | null>(null);
  const valuesFor = useReplyVariables(conversationId, agentName);

  /** Where the "/query" was, if the agent has not typed over it meanwhile; else at the end. */
  const put = (body: string, slash: SlashQuery, typed: string) => {
    const now = latest.current;
    const where =
      now.slice(slash.start, slash.end) === typed ? slash : { start: now.length, end: now.length, query: '' };
    const { value, caret: at } = insertReply(now, where, body);
    moveCaret.current = at;
    update(value, at);
  };
  const picker = useSavedReplyPicker(replies, text, caret, (reply, slash) => {
    const typed = text.slice(slash.start, slash.end);
    if (variablesIn(reply.body).length === 0) return put(reply.body, slash, typed);
    void valuesFor(reply.body).then((values) => {
      const missing = missingVariables(reply.body, values);
      if (missing.length === 0) put(fillVariables(reply.body, values), slash, typed);
      else setAsking({ reply, slash: { ...slash, query: typed }, values, missing });
    });
  });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || moveCaret.current === null) return;
    el.focus();
    el.setSelectionRange(moveCaret.current, moveCaret.current);
    moveCaret.current = null;
  });

  const files = useAttachments(conversationId);
  const drop = useFileDrop(files.add);
  const fileInput = useRef<HTMLInputElement>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  /** Where the focus goes once the voice note is sent or deleted. */
  const afterVoice = useRef<'reply' | 'record'>('record');
  const voice = useVoiceNote(conversationId, (attachment) => {
    const sent = onSend('', [attachment]);
    if (sent) afterVoice.current = 'reply';
    return sent;
  });
  const recording = ['requesting', 'recording', 'paused', 'stopped'].includes(voice.state.status);
  const wasRecording = useRef(false);
  useLayoutEffect(() => {
    if (wasRecording.current && !recording) {
      if (afterVoice.current === 'reply') box.current?.focus();
      else recordButton.current?.focus();
      afterVoice.current = 'record';
    }
    wasRecording.current = recording;
  }, [recording]);

  const canSend = !tooLong && !files.uploading && (text.trim().length > 0 || files.ready.length > 0);
  const submit = () => {
    if (!canSend) return;
    if (onSend(text, files.ready)) {
      update('', 0);
      files.sent();
    }
  };
  const syncCaret = (el: HTMLTextAreaElement) => setCaret(el.selectionStart ?? el.value.length);

  /** At the caret (replacing a selection), as if typed; the text box gets the focus back. */
  const insertEmoji = (char: string) => {
    const el = box.current;
    const start = el?.selectionStart ?? caret;
    const end = el?.selectionEnd ?? start;
    const value = text.slice(0, start) + char + text.slice(end);
    if (value.length > LIMITS.maxMessageLength) return;
    moveCaret.current = start + char.length;
    update(value, start + char.length);
  };

  const dialog = asking && (
    <ReplyVariablesDialog
      shortcut={asking.reply.shortcut}
      missing={asking.missing}
      onInsert={(typed) => {
        setAsking(null);
        put(
          fillVariables(asking.reply.body, { ...asking.values, ...typed }),
          asking.slash,
          asking.slash.query,
        );
      }}
      onCancel={() => {
        setAsking(null);
        box.current?.focus();
      }}
    />
  );

  return (
    <>
      {dialog}
      <form
        class={`reply${drop.dragging ? ' reply--dragging' : ''}`}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        {...drop.handlers}
      >
        {drop.dragging && (
          <div class="reply__drop" aria-hidden="true">
            Drop files to attach
          </div>
        )}
        <AttachmentChips files={files.files} onRemove={files.remove} />
        {files.notice && (
          <p class="form-error" role="alert">
            {files.notice}
          </p>
        )}
        {recording ? (
          <VoiceNotePanel voice={voice} />
        ) : (
          <>
            {picker.open && (
              <SavedReplyPicker
                id={picker.listId}
                replies={picker.matches}
                active={picker.active}
                onChoose={picker.choose}
              />
            )}
            <textarea
              ref={box}
              class="reply__input"
              aria-label={t('reply.label')}
              aria-describedby={sms ? `${hintId} ${counterId}` : hintId}
              {...picker.textboxProps}
              placeholder={t('reply.placeholder')}
              rows={3}
              maxLength={LIMITS.maxMessageLength}
              value={text}
              onInput={(e) =>
                update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length)
              }
              onClick={(e) => syncCaret(e.currentTarget)}
              onKeyUp={(e) => {
                // Keys that move the caret without typing; the picker's own arrows move its option instead.
                if (CARET_KEYS.has(e.key) && !(picker.open && VERTICAL.has(e.key)))
                  syncCaret(e.currentTarget);
              }}
              onKeyDown={(e) => {
                if (picker.keyDown(e)) return;
                // isComposing: Enter that confirms an IME candidate must not send.
                if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                  e.preventDefault();
                  submit();
                }
              }}
              onPaste={(e) => {
                const pasted = pastedFiles(e);
                if (pasted.length === 0 || isRichText(e)) return;
                e.preventDefault();
                files.add(pasted);
              }}
            />
            {sms && <SmsCounter text={text} id={counterId} />}
            {voice.state.status === 'error' && (
              <p class="form-error" role="alert">
                {voice.state.message}
              </p>
            )}
            <div class="reply__bar">
              <span class="reply__tools">
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('reply.attach')}
                  title={t('reply.attach')}
                  onClick={() => fileInput.current?.click()}
                >
                  <PaperclipIcon />
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  multiple
                  hidden
                  tabIndex={-1}
                  onChange={(e) => {
                    const picked = Array.from(e.currentTarget.files ?? []);
                    // The same file may be picked again after removing it.
                    e.currentTarget.value = '';
                    if (picked.length > 0) files.add(picked);
                  }}
                />
                <EmojiButton onPick={insertEmoji} />
                <button
                  ref={recordButton}
                  type="button"
                  class="icon-button"
                  aria-label={t('reply.record')}
                  title={t('reply.record')}
                  onClick={voice.start}
                >
                  <MicrophoneIcon />
                </button>
              </span>
              <span class="reply__hint" id={hintId}>
                {t('reply.savedHint')}
              </span>
              {text.length >= COUNTER_FROM && (
                <span class="reply__count">
                  {text.length} / {LIMITS.maxMessageLength}
                </span>
              )}
              <button class="button button--primary" type="submit" disabled={!canSend}>
                {t('reply.send')}
              </button>
            </div>
          </>
        )}
      </form>
    </>
  );
}
