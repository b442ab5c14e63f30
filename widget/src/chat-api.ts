// The contract between the loader (widget.js) and the chat module (widget-chat.js). Types only: the loader
// imports it with `import type`, so nothing of the chat module enters the loader bundle.
import type { SocketLike } from '@livechat/shared/client';
import type { AuthorKind } from '@livechat/shared/model';

/** What the host page's `message` callbacks receive: a plain copy, never an internal object. */
export interface PublicMessage {
  author: { kind: AuthorKind; name: string };
  body: string;
}

export interface ChatOptions {
  siteKey: string;
  /** Where widget.js was loaded from, without the file name: `https://chat.example.com` (or with a path prefix). */
  serverUrl: string;
  /** The visitor pressed "Close chat" (or Escape). The loader hides the panel and shows the launcher. */
  onClose: () => void;
  /** A new message from an agent arrived. */
  onMessage: (message: PublicMessage) => void;
  /** Tests inject a fake socket; browsers use WebSocket. */
  createSocket?: (url: string) => SocketLike;
  /** Defaults to localStorage when it is usable; null keeps nothing across reloads. */
  storage?: Storage | null;
  /** The host page's `LiveChat('identify', …)` object, unchecked: the server verifies it at every hello. */
  identity?: object | null;
}

export interface ChatHandle {
  /** Show the panel, focus the textbox and remember "open" for the next page load. */
  show(): void;
  /** Hide the panel; the connection stays up so agent messages still reach `onMessage`. */
  hide(): void;
  /** Unmount, close the socket and remove our nodes. */
  destroy(): void;
  /** The host page identified the visitor (again, or null: signed out): reconnect as them, with their conversations. */
  identify(who: object | null): void;
}

/** The one export of widget-chat.js: renders the panel (hidden until `show`) into the loader's shadow root. */
export type MountChat = (root: ShadowRoot | Element, options: ChatOptions) => ChatHandle;
