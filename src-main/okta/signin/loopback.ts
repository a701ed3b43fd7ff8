import { createServer, type Server } from 'node:http';
import { AppError } from '../../errors';

export interface LoopbackResult {
  code: string;
}

export interface LoopbackListener {
  /** `http://127.0.0.1:<port>/callback`, the RFC 8252 §7.3 loopback redirect. */
  redirectUri: string;
  /** Resolves with the authorization code once the browser comes back with the expected state. */
  result: Promise<LoopbackResult>;
  close(): void;
}

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;line-height:1.5}</style></head>
<body><h1>${title}</h1><p>${body}</p></body></html>`;

const SIGNED_IN = page(
  'Signed in',
  'You are signed in to Okta Onboarding Wizard. You can close this tab and return to the app.',
);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A one-shot listener on 127.0.0.1 (never `localhost`, RFC 8252 §8.3) that takes the redirect of
 * one authorization request: it checks `state`, answers the browser with a page saying what
 * happened, then closes. Gives up after `timeoutMs`.
 */
export async function listenForRedirect(expectedState: string, timeoutMs: number): Promise<LoopbackListener> {
  let settle: { resolve(r: LoopbackResult): void; reject(e: AppError): void } | undefined;
  const result = new Promise<LoopbackResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const close = (): void => {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  };
  const finish = (outcome: LoopbackResult | AppError): void => {
    if (outcome instanceof AppError) settle?.reject(outcome);
    else settle?.resolve(outcome);
    setImmediate(close);
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const params = url.searchParams;
    const send = (status: number, html: string): void => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    };
    if (params.get('state') !== expectedState) {
      // Not our request (a stale tab or a forged redirect): refuse it and keep waiting for ours.
      send(
        400,
        page(
          'Sign-in not recognised',
          'This sign-in link does not belong to the sign-in the app is waiting for. Start the sign-in again from the app.',
        ),
      );
      return;
    }
    const error = params.get('error');
    if (error !== null) {
      const description = params.get('error_description') ?? error;
      send(400, page('Sign-in failed', `${escapeHtml(description)}. You can close this tab and return to the app.`));
      finish(
        new AppError(
          'OKTA_SIGNIN_DENIED',
          `Okta refused the sign-in: ${description}.`,
          error === 'access_denied' || error === 'consent_required' || error === 'invalid_scope'
            ? "Ask a Super Admin to assign you to the wizard's OAuth app and grant its Okta API scopes, then sign in again."
            : 'Check the OAuth app settings in Okta (sign-in redirect URI http://127.0.0.1/callback, grant type Authorization Code), then sign in again.',
        ),
      );
      return;
    }
    const code = params.get('code');
    if (code === null || code === '') {
      send(400, page('Sign-in failed', 'Okta sent no authorization code. Start the sign-in again from the app.'));
      finish(
        new AppError(
          'OKTA_SIGNIN_NO_CODE',
          'Okta returned to the app without an authorization code.',
          'Start the sign-in again.',
        ),
      );
      return;
    }
    send(200, SIGNED_IN);
    finish({ code });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const timer = setTimeout(
    () =>
      finish(
        new AppError(
          'OKTA_SIGNIN_TIMEOUT',
          `The sign-in was not completed within ${Math.round(timeoutMs / 1000)} seconds.`,
          'Start the sign-in again and finish it in the browser window that opens.',
        ),
      ),
    timeoutMs,
  );
  return { redirectUri: `http://127.0.0.1:${port}/callback`, result, close };
}
