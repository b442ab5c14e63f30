// Markup and CSS of the launcher, inside our shadow root. `:host` rules are !important because the host page's
// own rules for our host element would otherwise win over them.
export const LAUNCHER_HTML =
  '<style>' +
  ':host{all:initial!important;position:fixed!important;z-index:2147483000!important;' +
  'inset:auto max(20px,env(safe-area-inset-right)) max(20px,env(safe-area-inset-bottom)) auto!important}' +
  '.launcher{position:relative;display:grid;place-items:center;width:56px;height:56px;padding:0;border:0;' +
  'border-radius:50%;background:#2563eb;fill:#fff;box-shadow:0 6px 20px #0f172a47;cursor:pointer}' +
  '.launcher:focus-visible{outline:3px solid #93c5fd;outline-offset:3px}' +
  '[hidden]{display:none}' +
  '.launcher:hover,[aria-busy]{opacity:.8}[aria-busy]{cursor:progress}' +
  // An empty pseudo-element of padding 5px is a 10px dot. (The unread badge is the chat's: ui/badge.ts.)
  '.online:before{content:"";position:absolute;right:2px;bottom:2px;padding:5px;' +
  'border:2px solid #fff;border-radius:50%;background:#22c55e}' +
  '</style>' +
  // Named (in the visitor's language) by launcher-status.ts before anything is drawn.
  // Not in any form (its own shadow root), so no type="button" is needed.
  '<button class="launcher" aria-describedby="lc-note">' +
  '<svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">' +
  '<path d="M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z"/></svg></button>' +
  // The launcher's description (who is online; empty while nobody is), filled in by launcher-status.ts.
  '<span id="lc-note" hidden></span>';
