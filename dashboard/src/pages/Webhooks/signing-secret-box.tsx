import { useEffect, useRef } from 'preact/hooks';
import { ShownOnceSecret } from '../../components/shown-once-secret.js';

interface Props {
  url: string;
  secret: string;
  onDone: () => void;
}

const EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received, before any JSON parsing.
function verify(secret, header, rawBody) {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  const expected = createHmac('sha256', secret).update(\`\${parts.t}.\${rawBody}\`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) <= 300;
  return fresh && parts.v1?.length === 64 &&
    timingSafeEqual(Buffer.from(parts.v1, 'hex'), Buffer.from(expected, 'hex'));
}`;

/** The new webhook's signing secret, shown this once, and how a receiver checks a delivery with it. */
export function SigningSecretBox({ url, secret, onDone }: Props) {
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.scrollIntoView?.({ block: 'nearest' }), [secret]);

  return (
    <section class="card secret-box" aria-labelledby="secret-title" ref={box}>
      <h2 class="card__title" id="secret-title">
        Signing secret for {url}
      </h2>
      <ShownOnceSecret label="Signing secret" secret={secret} />
      <div class="muted">
        <p>
          Every delivery carries the header{' '}
          <code>x-livechat-signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where <code>v1</code> is
          the hex HMAC-SHA256 of <code>&lt;t&gt;.&lt;raw body&gt;</code> keyed with this secret. Compute it
          over the raw request body, compare in constant time, and refuse a <code>t</code> more than 5 minutes
          away from your clock. Deliveries may repeat: skip an <code>x-livechat-delivery</code> id you have
          already handled.
        </p>
        <pre class="code-block">{EXAMPLE}</pre>
      </div>
      <button type="button" class="button" onClick={onDone}>
        I have stored the secret
      </button>
    </section>
  );
}
