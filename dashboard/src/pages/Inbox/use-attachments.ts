// Files the agent attached to the reply being written: each uploads at once (before Send), with progress and cancel.
// Send then carries the ids of the finished ones; a refused file stays on its chip with the server's reason.
import { createClientId } from '@livechat/shared/client';
import { UploadError, uploadFile, type UploadHandle } from '@livechat/shared/files';
import { MAX_ATTACHMENTS, type Attachment } from '@livechat/shared/model';
import { WEB_MAX_FILE_BYTES } from '@livechat/shared/api';
import { useEffect, useRef, useState } from 'preact/hooks';
import { agentUploadUrl } from '../../api/index.js';

export interface PendingFile {
  /** The upload id (the server's idempotency key), also the chip's key. */
  key: string;
  name: string;
  size: number;
  /** 0..1 */
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  /** Why it was refused, for the chip. */
  error?: string;
  attachment?: Attachment;
  /** An object URL for an image's thumbnail on the chip. */
  preview?: string;
}

export interface AttachmentControls {
  files: readonly PendingFile[];
  /** "Up to 10 files in one message.": about the files that did not fit, until the next change. */
  notice: string | null;
  add: (files: readonly File[]) => void;
  /** Cancels the upload if it is still running. */
  remove: (key: string) => void;
  /** Some upload is still running: Send waits for it. */
  uploading: boolean;
  /** Uploaded and ready to send, in the order attached. */
  ready: readonly Attachment[];
  /** After a send: drops the files it carried, keeping refused ones on view. */
  sent: () => void;
}

export const TOO_MANY_FILES = `Up to ${MAX_ATTACHMENTS} files in one message.`;
const tooLarge = () =>
  `This file is larger than ${WEB_MAX_FILE_BYTES / 1024 / 1024} MB, the most one file can be.`;

const canPreview = (file: File) =>
  file.type.startsWith('image/') && typeof URL.createObjectURL === 'function';

/** Uploads to `conversationId`; everything still running is cancelled when the component goes (another chat). */
export function useAttachments(conversationId: string): AttachmentControls {
  const [files, setFiles] = useState<readonly PendingFile[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const handles = useRef(new Map<string, UploadHandle>());
  // The list as of the last change (renders may lag behind progress events): every change goes through commit.
  const latest = useRef(files);
  const commit = (next: readonly PendingFile[]) => {
    latest.current = next;
    setFiles(next);
  };

  const patch = (key: string, change: Partial<PendingFile>) =>
    commit(latest.current.map((f) => (f.key === key ? { ...f, ...change } : f)));

  useEffect(
    () => () => {
      for (const handle of handles.current.values()) handle.cancel();
      for (const f of latest.current) if (f.preview) URL.revokeObjectURL(f.preview);
    },
    [],
  );

  const start = (file: File, key: string) => {
    const handle = uploadFile({
      url: agentUploadUrl(conversationId),
      file,
      name: file.name || 'file',
      uploadId: key,
      withCredentials: true,
      onProgress: (progress) => patch(key, { progress }),
    });
    handles.current.set(key, handle);
    handle.done.then(
      (attachment) => {
        handles.current.delete(key);
        patch(key, { status: 'done', progress: 1, attachment });
      },
      (error: unknown) => {
        handles.current.delete(key);
        // Cancelled: the chip is already gone.
        if (error instanceof UploadError && error.code === 'cancelled') return;
        const message = error instanceof Error ? error.message : 'The upload failed.';
        patch(key, { status: 'failed', error: message });
      },
    );
  };

  const add = (picked: readonly File[]) => {
    const room = MAX_ATTACHMENTS - latest.current.length;
    const taken = picked.slice(0, Math.max(0, room));
    setNotice(picked.length > taken.length ? TOO_MANY_FILES : null);
    const added = taken.map((file): [File, PendingFile] => {
      const item: PendingFile = {
        key: createClientId(),
        name: file.name || 'file',
        size: file.size,
        progress: 0,
        status: 'uploading',
        ...(canPreview(file) && { preview: URL.createObjectURL(file) }),
      };
      // Larger than any channel takes: refused here rather than after uploading it all.
      if (file.size > WEB_MAX_FILE_BYTES) Object.assign(item, { status: 'failed', error: tooLarge() });
      return [file, item];
    });
    commit([...latest.current, ...added.map(([, item]) => item)]);
    for (const [file, item] of added) if (item.status === 'uploading') start(file, item.key);
  };

  const drop = (keys: ReadonlySet<string>) => {
    for (const key of keys) {
      handles.current.get(key)?.cancel();
      handles.current.delete(key);
    }
    for (const f of latest.current) if (keys.has(f.key) && f.preview) URL.revokeObjectURL(f.preview);
    commit(latest.current.filter((f) => !keys.has(f.key)));
    setNotice(null);
  };

  return {
    files,
    notice,
    add,
    remove: (key) => drop(new Set([key])),
    uploading: files.some((f) => f.status === 'uploading'),
    ready: files.flatMap((f) => (f.status === 'done' && f.attachment ? [f.attachment] : [])),
    sent: () => drop(new Set(latest.current.filter((f) => f.status === 'done').map((f) => f.key))),
  };
}
