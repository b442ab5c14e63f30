// What every media chunk uses: the locale the panel speaks and a place for the chunk's CSS.
import type { Locale } from '@livechat/shared/model';
import { pickLocale } from '../i18n/pick-locale.js';
import type { ChatSession } from '../state/chat-session.js';

/** The chunk's strings in the panel's language (picked the way the panel picks). */
export const stringsFor = <T>(table: Record<Locale, T>, session: ChatSession): T =>
  table[pickLocale(table, navigator.languages, session.get().site?.locale)];

const styled = new WeakMap<Node, Set<string>>();

/** Puts a chunk's CSS next to the panel's (in the widget's shadow root), once per root. */
export function addStyle(node: Node | undefined, css: string): void {
  const root = node?.getRootNode();
  if (!root) return;
  const added = styled.get(root) ?? new Set<string>();
  styled.set(root, added);
  if (added.has(css)) return;
  added.add(css);
  const style = document.createElement('style');
  style.textContent = css;
  (root === document ? document.head : (root as ShadowRoot)).append(style);
}
