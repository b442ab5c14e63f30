// The fake's "phone": a page per phone number where a person reads the texts sent to it and replies as the customer.
// Every piece of text is escaped; the page polls its own log fragment, rendered here too, so there is one renderer.

/** A picture (or other medium) of an MMS, as the phone shows it. */
export interface PhoneMedia {
  /** As declared; `loading` while the fake still fetches a sent one; a sentence when it could not. */
  contentType: string;
  /** Where the fake serves the bytes, when it has them. */
  src?: string;
}

/** One text in a phone's conversation, seen from the phone. */
export interface PhoneText {
  sid: string;
  /** `received`: the business texted the phone; `sent`: the phone texted the business. */
  direction: 'received' | 'sent';
  /** The business's number on the other end. */
  businessNumber: string;
  body: string;
  at: Date;
  /** For a sent text: how the inbox's webhook answered (0: unreachable, null: no webhook URL configured). */
  inboxStatus?: number | null;
  /** An MMS's media, in order. */
  media?: PhoneMedia[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// A literal + reads better than %2B and means the same in a path.
export const phonePath = (phone: string): string =>
  `/phone/${encodeURIComponent(phone).replace(/^%2B/, '+')}`;

function deliveryNote(text: PhoneText): string {
  if (text.direction === 'received' || text.inboxStatus === undefined) return '';
  if (text.inboxStatus === null) return ' <em>(not forwarded: no inbound webhook URL is set)</em>';
  if (text.inboxStatus < 200 || text.inboxStatus > 299)
    return ` <em>(the inbox answered ${text.inboxStatus || 'nothing'})</em>`;
  return '';
}

function mediaHtml(media: readonly PhoneMedia[] | undefined): string {
  return (media ?? [])
    .map((m, i) => {
      const label = `Picture ${i + 1}`;
      if (m.src && m.contentType.startsWith('image/'))
        return `<img class="media" src="${escapeHtml(m.src)}" alt="${escapeHtml(label)}">`;
      if (m.src)
        return `<a class="media" href="${escapeHtml(m.src)}">${escapeHtml(`Attachment ${i + 1} (${m.contentType})`)}</a>`;
      const state = m.contentType === 'loading' ? 'loading…' : m.contentType;
      return `<span class="media">${escapeHtml(`Attachment ${i + 1}: ${state}`)}</span>`;
    })
    .join('');
}

/** The list items of a conversation: the page's log, and what its polling fetches. */
export function conversationItems(texts: readonly PhoneText[]): string {
  return texts
    .map((text) => {
      const who =
        text.direction === 'received' ? `From ${text.businessNumber}` : `You to ${text.businessNumber}`;
      const time = text.at.toISOString();
      return (
        `<li class="${text.direction}"><span class="who">${escapeHtml(who)}:</span> ` +
        `<span class="body">${escapeHtml(text.body)}</span>${mediaHtml(text.media)}${deliveryNote(text)} ` +
        `<time datetime="${time}">${time.slice(11, 19)}</time></li>`
      );
    })
    .join('\n');
}

const STYLE = `body{font:16px system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
ol{list-style:none;padding:0}li{margin:.5rem 0;padding:.5rem .75rem;border-radius:.75rem;background:#eee}
li.sent{background:#cde7ff;margin-left:3rem}li.received{margin-right:3rem}time{color:#666;font-size:.8em}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}input{flex:1;font:inherit;padding:.4rem}
select{font:inherit;padding:.4rem}input[type=checkbox]{flex:none}.media{display:block;margin:.25rem 0}img.media{max-width:12rem;max-height:12rem}`;

// Static: reads its URL from the page, so nothing is interpolated into script.
const POLL_SCRIPT = `const log = document.getElementById('log');
let shown = null;
setInterval(async () => {
  try {
    const response = await fetch(log.dataset.source, { cache: 'no-store' });
    const items = response.ok ? await response.text() : shown;
    if (items !== shown) log.innerHTML = shown = items;
  } catch {}
}, 1000);`;

/** One of the account's numbers, as the page offers it. */
export interface BusinessNumber {
  phoneNumber: string;
  friendlyName: string;
}

/** The phone of `phone`: its texts with all the account's numbers, and a reply to `selected` (the number chosen). */
export function phonePage(
  phone: string,
  businessNumbers: readonly BusinessNumber[],
  selected: string,
  texts: readonly PhoneText[],
): string {
  const path = phonePath(phone);
  const options = businessNumbers
    .map(
      (n) =>
        `<option value="${escapeHtml(n.phoneNumber)}"${n.phoneNumber === selected ? ' selected' : ''}>` +
        `${escapeHtml(`${n.phoneNumber} (${n.friendlyName})`)}</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Phone ${escapeHtml(phone)}</title><style>${STYLE}</style></head>
<body>
<h1>Phone ${escapeHtml(phone)}</h1>
<p>Texts between this phone and the account's numbers. Reply as the customer; STOP opts out, START opts back in.
"Attach a picture" sends an MMS with a small sample PNG.</p>
<ol id="log" role="log" aria-label="Messages" data-source="${escapeHtml(`${path}/log`)}">${conversationItems(texts)}</ol>
<form method="post" action="${escapeHtml(`${path}/reply`)}">
<label for="to">To</label> <select id="to" name="To">${options}</select>
<label for="reply">Reply</label> <input id="reply" name="Body" autocomplete="off" autofocus>
<label><input type="checkbox" name="Picture"> Attach a picture</label>
<button type="submit">Send</button>
</form>
<script>${POLL_SCRIPT}</script>
</body></html>`;
}

/** The fake's front page: its numbers, and the phones that have texts. */
export function indexPage(businessNumbers: readonly string[], phones: readonly string[]): string {
  const list = (items: readonly string[], link: boolean) =>
    items.length === 0
      ? '<p>None yet.</p>'
      : `<ul>${items
          .map(
            (n) =>
              `<li>${link ? `<a href="${escapeHtml(phonePath(n))}">${escapeHtml(n)}</a>` : escapeHtml(n)}</li>`,
          )
          .join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake Twilio</title><style>${STYLE}</style></head>
<body><h1>Fake Twilio</h1>
<h2>The account's numbers</h2>${list(businessNumbers, false)}
<h2>Phones</h2>${list(phones, true)}
<p>Any phone's page is at <code>/phone/+&lt;number&gt;</code>; text the inbox from there.</p>
</body></html>`;
}
