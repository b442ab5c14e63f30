// "Identity verification": the site's identity secret, with which the site's backend signs LiveChat('identify', …) so
// a signed-in customer's conversations follow them to every device. The secret is shown once, right after it is made;
// later loads say only that one exists and since when. Rotating asks first: the old secret stops verifying at once.
import { useState } from 'preact/hooks';
import type { Site } from '@livechat/shared/model';
import { errorMessage, sitesApi } from '../../api/index.js';
import { Ago } from '../../components/ago.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { useLoad } from '../../components/use-load.js';
import { ShownOnceSecret } from '../../components/shown-once-secret.js';

const EXAMPLE = `import { createHmac } from 'node:crypto';

// On your server, for the signed-in user; put the result in LiveChat('identify', …).
const expiresAt = Math.floor(Date.now() / 1000) + 24 * 3600; // at most 30 days ahead
const signature = createHmac('sha256', process.env.LIVECHAT_IDENTITY_SECRET)
  .update(\`\${user.id}:\${expiresAt}\`)
  .digest('hex');`;

export function IdentityVerification({ site }: { site: Site }) {
  const { state, setData } = useLoad(() => sitesApi.identitySecret(site.id), [site.id]);
  /** The secret just made: shown until the page is left, never loaded again. */
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const make = async (): Promise<string | null> => {
    try {
      const made = await sitesApi.rotateIdentitySecret(site.id);
      setSecret(made.secret);
      setData({ createdAt: made.createdAt });
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  };

  return (
    <section class="card" aria-labelledby="identity-title">
      <h2 class="card__title" id="identity-title">
        Identity verification
      </h2>
      <p class="muted">
        Signed-in customers keep their conversations on every browser and device when your website calls{' '}
        <code>
          LiveChat('identify', {'{'} userId, email, name, expiresAt, signature {'}'})
        </code>
        . Your server makes <code>signature</code>: the hex HMAC-SHA256 of <code>userId:expiresAt</code>{' '}
        (expiresAt in Unix seconds, at most 30 days ahead) keyed with this secret. Keep the secret on your
        server only.
      </p>
      {state.status === 'loading' && <p class="muted">Loading…</p>}
      {state.status === 'error' && <p class="form-error">{state.message}</p>}
      {state.status === 'ready' && (
        <>
          {secret ? (
            <>
              <ShownOnceSecret label="Identity secret" secret={secret} />
              <pre class="code-block">{EXAMPLE}</pre>
            </>
          ) : state.data.createdAt !== null ? (
            <p>
              A secret exists, made <Ago ts={state.data.createdAt} />. It is not shown again.
            </p>
          ) : (
            <p>No secret yet: identify calls are ignored and every visitor chats anonymously.</p>
          )}
          {state.data.createdAt === null ? (
            <button
              type="button"
              class="button"
              onClick={() => void make().then((refusal) => setError(refusal))}
            >
              Generate secret
            </button>
          ) : (
            <ConfirmButton
              label="Rotate secret"
              class="button"
              title="Rotate the identity secret?"
              confirmLabel="Rotate"
              onConfirm={make}
            >
              A new secret replaces this one at once: signatures your website made with the old secret stop
              working, and customers chat anonymously until your server signs with the new one.
            </ConfirmButton>
          )}
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
