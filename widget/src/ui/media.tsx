// The panel's doors to the lazily loaded media features; each chunk is fetched the first time one of its parts shows.
import type { Attachment } from '@livechat/shared/model';
import { lazy } from '../lazy.js';
import type { ChatSession } from '../state/chat-session.js';

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
