// The host page's `window.LiveChat(...)`: an allow-list of commands and events. Anything else is warned about
// and ignored, so a host page (or a script injected into it) can reach nothing else of the widget.
import type { PublicMessage } from './chat-api.js';

export interface EventPayloads {
  open: undefined;
  close: undefined;
  message: PublicMessage;
}
export type EventName = keyof EventPayloads;
type Listener = (payload?: PublicMessage) => void;

export type LiveChatFn = (command: unknown, event?: unknown, callback?: unknown) => void;

export interface Api {
  call: LiveChatFn;
  emit: <E extends EventName>(event: E, payload?: EventPayloads[E]) => void;
}

export function createApi(open: () => void, close: () => void, identify: (who: object | null) => void): Api {
  // A Map, not an object keyed by host input: `on('__proto__', …)` must not reach a prototype.
  const listeners = new Map<unknown, Listener[]>([
    ['open', []],
    ['close', []],
    ['message', []],
  ]);
  return {
    call(command, event, callback) {
      const list = listeners.get(event);
      if (command === 'open') open();
      else if (command === 'close') close();
      else if (command === 'on' && list && typeof callback === 'function') list.push(callback as Listener);
      // The chat module sends it in its hello; the server checks it (a bad one is warned about there). null: the
      // user signed out, the visitor is anonymous again.
      else if (command === 'identify') identify(event as object | null);
      else console.warn('LiveChat: unsupported call', command, event);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          // A failing host callback must not break the widget.
          console.error(error);
        }
      }
    },
  };
}
