import { useState } from 'react';
import { api } from '../api/client';

/** The public JWK to paste into the service app; made in main, where the private key stays. */
export function ServiceAppKey({ clientId }: { clientId: string }) {
  const [jwk, setJwk] = useState<string | undefined>(undefined);
  const [copied, setCopied] = useState(false);
  async function show() {
    const result = await api.okta.serviceAppKey({ clientId });
    if (result.ok) setJwk(JSON.stringify(result.value, null, 2));
  }
  if (!jwk) {
    return (
      <button type="button" onClick={() => void show()}>
        Show the public key to paste into Okta
      </button>
    );
  }
  return (
    <div className="jwk">
      <p className="muted">
        In the service app: General &gt; Client Credentials &gt; Public key / Private key &gt; Add key &gt; paste this
        JWK. Then grant the scopes below and assign an admin role.
      </p>
      <pre aria-label="Public key (JWK)">{jwk}</pre>
      <button type="button" onClick={() => void navigator.clipboard.writeText(jwk).then(() => setCopied(true))}>
        {copied ? 'Copied' : 'Copy public key'}
      </button>
    </div>
  );
}
