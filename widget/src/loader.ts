// widget.js, the script-tag entry: reads its own tag and embeds the launcher. The chat module is fetched from
// next to this script only when the chat opens (a dynamic import works from a classic script).
import type { MountChat } from './chat-api.js';
import { embed } from './embed.js';
import { readScriptConfig } from './script-config.js';

function start(): void {
  if (window.LiveChat?.loaded) return; // the snippet was pasted twice
  const config = readScriptConfig(document);
  if (!config) {
    console.warn('LiveChat: data-site-key missing');
    return;
  }
  const run = (): void => {
    embed({
      ...config,
      importChat: () => import(/* @vite-ignore */ config.chatUrl) as Promise<{ mountChat: MountChat }>,
    });
  };
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run);
}

start();
