// The side panel's "Visitor": where the visitor is on the site (following their navigation live), where they came
// from, this session's pages, their browser, OS, language, and their local time in their time zone.
import { isHttpUrl, type VisitedPage, type VisitorContext } from '@livechat/shared/model';
import { conversationsApi } from '../../api/index.js';
import { formatClock } from '../../components/format-time.js';
import { useLoad } from '../../components/use-load.js';
import { useNow } from '../../components/use-now.js';
import './visitor-panel.css';

interface Props {
  conversationId: string;
  /** Pushed live since the panel opened (`visitor.context.updated`); the newer of it and the loaded one is shown. */
  live?: VisitorContext | undefined;
}

/** "14:32 (Europe/Istanbul)": the visitor's wall clock now. */
export function visitorLocalTime(timeZone: string, now: number): string {
  try {
    const time = new Date(now).toLocaleTimeString(undefined, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    return `${time} (${timeZone})`;
  } catch {
    return timeZone; // a zone this browser does not know
  }
}

/** A link only for http(s) URLs (the server stores no other kind, but the panel does not rely on it). */
function PageLink({ url, title }: { url: string; title?: string }) {
  const text = title || url;
  if (!isHttpUrl(url)) return <span class="visitor__url">{text}</span>;
  return (
    <a class="visitor__url" href={url} target="_blank" rel="noopener noreferrer" title={url}>
      {text}
    </a>
  );
}

function Pages({ pages }: { pages: readonly VisitedPage[] }) {
  const now = useNow();
  return (
    <ol class="visitor__pages" aria-label="Pages visited">
      {[...pages].reverse().map((p) => (
        <li key={`${p.at}-${p.url}`}>
          <PageLink url={p.url} title={p.title} />{' '}
          <time class="muted" dateTime={new Date(p.at).toISOString()}>
            {formatClock(p.at, now)}
          </time>
        </li>
      ))}
    </ol>
  );
}

function LocalTime({ timeZone }: { timeZone: string }) {
  const now = useNow(30_000);
  return <>{visitorLocalTime(timeZone, now)}</>;
}

export function VisitorPanel({ conversationId, live }: Props) {
  const { state } = useLoad(() => conversationsApi.visitorContext(conversationId), [conversationId]);
  const loaded = state.status === 'ready' ? state.data : null;
  const context = live && (!loaded || live.updatedAt >= loaded.updatedAt) ? live : loaded;
  return (
    <section class="side__section visitor" aria-label="Visitor">
      <h2 class="side__title">Visitor</h2>
      {state.status === 'error' && !context && (
        <p class="muted" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && !context && <p class="muted">No page reported yet.</p>}
      {context && (
        <dl class="visitor__facts">
          {context.page && (
            <>
              <dt>Current page</dt>
              <dd>
                <PageLink url={context.page.url} title={context.page.title} />
              </dd>
            </>
          )}
          <dt>Referrer</dt>
          <dd>{context.referrer ? <PageLink url={context.referrer} /> : 'Direct'}</dd>
          <dt>Browser</dt>
          <dd>{[context.browser, context.os].filter(Boolean).join(' on ') || 'Unknown'}</dd>
          {context.language && (
            <>
              <dt>Language</dt>
              <dd>{context.language}</dd>
            </>
          )}
          {context.timeZone && (
            <>
              <dt>Local time</dt>
              <dd>
                <LocalTime timeZone={context.timeZone} />
              </dd>
            </>
          )}
          {context.pages.length > 0 && (
            <>
              <dt>Pages this session</dt>
              <dd>
                <Pages pages={context.pages} />
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
