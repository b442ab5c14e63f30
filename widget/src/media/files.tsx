// The "files" chunk: the tray of files picked for the next message (each uploading with its progress, cancel and
// refusal in words) and the files of messages (images as thumbnails that open larger, audio players, file cards).
import { Component, createRef } from 'preact';
import { createClientId } from '@livechat/shared/client';
import { formatFileSize, type UploadError, type UploadHandle } from '@livechat/shared/files';
import type { Attachment } from '@livechat/shared/model';
import type { ChatSession } from '../state/chat-session.js';
import { CloseIcon } from '../ui/icons.js';
import type { AttachmentsProps, TrayProps } from '../ui/media.js';
import { fetchFile, upload } from './file-requests.js';
import { addStyle, stringsFor } from './kit.js';
import { FILES_CSS } from './files-style.js';
import { FILE_STRINGS } from './files-strings.js';

/** The model's MAX_ATTACHMENTS (that module brings zod, so the number is repeated; a test keeps them equal). */
export const MAX_FILES = 10;

interface Item {
  key: string;
  name: string;
  progress: number;
  handle: UploadHandle;
  done?: Attachment;
  error?: string;
}

interface TrayState {
  items: Item[];
  /** More files were picked than one message takes: the rest were left out. */
  full?: boolean;
}

export class FileTray extends Component<TrayProps, TrayState> {
  override state: TrayState = { items: [] };
  private taken: File[] | undefined;
  /** What onReady said last: null while uploading, else the ids of the uploaded files. */
  private said: string | null | undefined;

  override componentDidMount(): void {
    addStyle(this.base, FILES_CSS);
    this.take();
  }

  override componentDidUpdate(): void {
    this.take();
    const { items } = this.state;
    const ready = items.some((i) => !i.done && !i.error)
      ? null
      : items.flatMap((i) => (i.done ? [i.done] : []));
    const said = ready && ready.map((f) => f.id).join();
    if (said !== this.said) {
      this.said = said;
      this.props.onReady(ready);
    }
  }

  override componentWillUnmount(): void {
    for (const item of this.state.items) item.handle.cancel();
  }

  private patch(key: string, patch: Partial<Item>): void {
    this.setState(({ items }) => ({ items: items.map((i) => (i.key === key ? { ...i, ...patch } : i)) }));
  }

  private remove(item: Item): void {
    item.handle.cancel();
    this.setState(({ items }) => ({ items: items.filter((i) => i.key !== item.key), full: false }));
  }

  /** Starts uploading newly added files, as many as one message takes. */
  private take(): void {
    const { add, session } = this.props;
    if (add === this.taken) return;
    this.taken = add;
    const t = stringsFor(FILE_STRINGS, session);
    const room = MAX_FILES - this.state.items.length;
    const added = add.slice(0, Math.max(0, room)).map((file): Item => {
      const key = createClientId();
      const name = file.name || 'file';
      const handle = upload(session, {
        file,
        name,
        uploadId: key,
        onProgress: (progress) => this.patch(key, { progress }),
      });
      handle.done.then(
        (done) => this.patch(key, { done }),
        (error: UploadError) => {
          if (error.code !== 'cancelled')
            this.patch(key, { error: error.code === 'network' ? t.network : error.message });
        },
      );
      return { key, name, progress: 0, handle };
    });
    this.setState(({ items }) => ({ items: [...items, ...added], full: add.length > room }));
  }

  override render({ session }: TrayProps, { items, full }: TrayState) {
    const t = stringsFor(FILE_STRINGS, session);
    return (
      <div class="tray">
        {full && (
          <p class="error" role="alert">
            {t.tooMany(MAX_FILES)}
          </p>
        )}
        <ul>
          {items.map((item) => (
            <li key={item.key} class={item.error ? 'chip bad' : 'chip'}>
              <span class="name">{item.name}</span>
              {item.error ? (
                <span role="alert">{item.error}</span>
              ) : item.done ? (
                <span>{formatFileSize(item.done.size)}</span>
              ) : (
                <progress aria-label={item.name} max={1} value={item.progress} />
              )}
              <button
                type="button"
                aria-label={(item.done || item.error ? t.remove : t.cancel)(item.name)}
                onClick={() => this.remove(item)}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }
}

export function Attachments({ session, files }: AttachmentsProps) {
  return (
    <div class="files">
      {files.map((file) => (
        <FileView key={file.id} session={session} file={file} />
      ))}
    </div>
  );
}

interface ViewProps {
  session: ChatSession;
  file: Attachment;
}

interface ViewState {
  /** The file as an object URL, once fetched. */
  src?: string;
  failed?: boolean;
  /** The image is shown large. */
  open?: boolean;
}

/** Fetched with the visitor token (no cookies cross-origin), shown from an object URL revoked on unmount. */
class FileView extends Component<ViewProps, ViewState> {
  private gone = false;
  private thumb = createRef<HTMLButtonElement>();
  private closer = createRef<HTMLButtonElement>();

  override componentDidMount(): void {
    addStyle(this.base, FILES_CSS);
    const { kind } = this.props.file;
    // Cards fetch on click: a 25 MB document is not downloaded just to be listed.
    if (kind === 'image' || kind === 'audio') this.load().catch(() => {});
  }

  override componentDidUpdate(_: ViewProps, before: ViewState): void {
    if (this.state.open !== before.open) (this.state.open ? this.closer : this.thumb).current?.focus();
  }

  override componentWillUnmount(): void {
    this.gone = true;
    if (this.state.src) URL.revokeObjectURL(this.state.src);
  }

  private load(): Promise<string> {
    return fetchFile(this.props.session, this.props.file.url).then(
      (src) => {
        if (this.gone) URL.revokeObjectURL(src);
        else this.setState({ src });
        return src;
      },
      (error: unknown) => {
        this.setState({ failed: true });
        throw error;
      },
    );
  }

  /** A card's link: fetch the file on the first click, then let the browser save it under its name. */
  private download = (e: MouseEvent): void => {
    if (this.state.src) return;
    e.preventDefault();
    const link = e.currentTarget as HTMLAnchorElement;
    this.load().then(
      (src) => {
        link.href = src;
        link.click();
      },
      () => {},
    );
  };

  override render({ session, file }: ViewProps, { src, failed, open }: ViewState) {
    const t = stringsFor(FILE_STRINGS, session);
    if (failed) return <p class="card">{t.unavailable(file.name)}</p>;
    if (file.kind === 'audio')
      return <audio controls src={src} aria-label={file.voice ? t.voice : file.name} preload="metadata" />;
    if (file.kind !== 'image' || !src)
      return (
        <a class="card" href={src ?? '#'} download={file.name} onClick={this.download}>
          <span>{file.name}</span>
          <span>
            {(/\.(\w+)$/.exec(file.name)?.[1] ?? file.mime).toUpperCase()} · {formatFileSize(file.size)}
          </span>
        </a>
      );
    return (
      <>
        <button
          class="thumb"
          type="button"
          aria-label={t.view(file.name)}
          ref={this.thumb}
          onClick={() => this.setState({ open: true })}
        >
          <img src={src} alt="" />
        </button>
        {open && (
          <div
            class="viewer"
            role="dialog"
            aria-modal="true"
            aria-label={file.name}
            onClick={() => this.setState({ open: false })}
            onKeyDown={(e) => {
              // Escape closes the image, not the chat around it.
              if (e.key === 'Escape') {
                e.stopPropagation();
                this.setState({ open: false });
              }
            }}
          >
            <img src={src} alt={file.name} />
            <button type="button" aria-label={t.closeImage} ref={this.closer}>
              <CloseIcon />
            </button>
          </div>
        )}
      </>
    );
  }
}
