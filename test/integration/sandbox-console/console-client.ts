import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import type { SandboxOrg } from '../../../src-main/sandbox/server';

export interface ConsoleAnswer {
  status: number;
  location: string | null;
  html: string;
}

/** An admin in the sandbox's Admin Console, driven with plain HTTP as a browser would. */
export class ConsoleClient {
  private cookie = '';

  constructor(private readonly org: SandboxOrg) {}

  async get(url: string): Promise<ConsoleAnswer> {
    return this.send(url, undefined);
  }

  async post(url: string, form: Record<string, string>): Promise<ConsoleAnswer> {
    return this.send(url, new URLSearchParams(form).toString());
  }

  /** Signs in through the page's own sign-in form (the sandbox's `sid` session). */
  async signIn(url: string, login = this.org.adminLogin, password = SANDBOX_PASSWORD): Promise<ConsoleAnswer> {
    return this.post(url, { username: login, password });
  }

  /** Opens "Add {App}", signs in when asked, types the fields and clicks Done; returns the new app's id. */
  async addCatalogApp(addUrl: string, fields: Record<string, string>): Promise<{ appId: string; location: string }> {
    const first = await this.get(addUrl);
    if (first.html.includes('id="okta-signin-username"')) await this.signIn(addUrl);
    const done = await this.post(addUrl, fields);
    const match = /\/instance\/([^/]+)\/$/.exec(done.location ?? '');
    if (done.status !== 302 || !match?.[1]) throw new Error(`Done did not add the app (${done.status}): ${done.html}`);
    return { appId: match[1], location: done.location ?? '' };
  }

  private async send(url: string, body: string | undefined): Promise<ConsoleAnswer> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(new URL(url, this.org.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body,
      redirect: 'manual',
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  }
}
