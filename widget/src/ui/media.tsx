// The panel's doors to the lazily loaded features (media, links in messages, and the wait for an agent, which many
// chats never show); each chunk is fetched the first time one of its parts shows.
import type { Attachment, RichText } from '@livechat/shared/model';
import { RichTextView } from '@livechat/shared/rich-text/view';
import { lazy } from '../lazy.js';
import type { ChatSession } from '../state/chat-session.js';
import type { ChoicesProps } from './question-choices.js';
import type { WaitingProps } from './waiting-status.js';
import type { ReceiptsProps } from './receipts.js';

export interface TrayProps {
  session: ChatSession;
  /** Files the visitor just picked, dropped or pasted (a new array each time). */
  add: File[];
  /** The uploaded files, or null while one is still uploading. */
  onReady: (files: Attachment[] | null) => void;
}

export interface AttachmentsProps {
  session: ChatSession;
  files: readonly Attachment[];
}

export interface VoiceProps {
  session: ChatSession;
  /** The recording was sent or deleted. */
  onDone: () => void;
}

export interface EmojiProps {
  session: ChatSession;
  /** The message box: the emoji goes in at its caret. */
  field: HTMLTextAreaElement;
  onText: (text: string) => void;
  onClose: () => void;
}

const files = () => import('../media/files.js');

export const FileTray = lazy<TrayProps>(() => files().then((m) => m.FileTray));

export const Attachments = lazy<AttachmentsProps>(() => files().then((m) => m.Attachments));

export const VoiceRecorder = lazy<VoiceProps>(() => import('../media/voice.js').then((m) => m.VoiceRecorder));

export const EmojiPicker = lazy<EmojiProps>(() => import('../media/emoji.js').then((m) => m.EmojiPicker));

export const Receipts = lazy<ReceiptsProps>(() => import('./receipts.js').then((m) => m.Receipts));

/** A choice question's options (the question chunk, with the answer rules: answer-check.ts). */
export const QuestionChoices = lazy<ChoicesProps>(() =>
  import('./question.js').then((m) => m.QuestionChoices),
);

export const WaitingStatus = lazy<WaitingProps>(() =>
  import('./waiting-status.js').then((m) => m.WaitingStatus),
);

const linked = () => import('@livechat/shared/rich-text/linked-view');

/** A message body with its links; the plain text until the chunk has loaded. */
export const LinkedText = lazy<{ text: string }>(
  () => linked().then((m) => m.LinkedText),
  (p) => p.text,
);

/** A bot's rich text with its bare links; without them until the chunk has loaded. */
export const LinkedRichText = lazy<{ text: RichText }>(
  () => linked().then((m) => m.LinkedRichText),
  (p) => <RichTextView text={p.text} />,
);
