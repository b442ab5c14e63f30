import { CopyButton } from '../../components/copy-button.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { embedSnippet } from './snippet.js';

interface Props {
  siteKey: string;
  /** The server's URL as browsers reach it; the dashboard is served by the server, so its own origin. */
  serverUrl?: string;
}

export function EmbedSnippet({ siteKey, serverUrl = location.origin }: Props) {
  const snippet = embedSnippet(serverUrl, siteKey);
  return (
    <section class="card" aria-labelledby="embed-snippet-title">
      <h2 class="card__title" id="embed-snippet-title">
        Add the chat to your website
      </h2>
      <p class="muted">
        Paste this before the closing &lt;/body&gt; tag of every page that should show the chat.
      </p>
      <TextAreaField
        label="Embed snippet"
        class="embed__snippet"
        readOnly
        rows={3}
        spellcheck={false}
        hint="The first line is optional: it lets your page call LiveChat(…) before the widget has loaded."
        value={snippet}
        onValue={() => {}}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div>
        <CopyButton text={snippet} label="Copy snippet" />
      </div>
    </section>
  );
}
