import { describe, expect, it } from 'vitest';
import { listenForRedirect } from '../../../src-main/okta/signin/loopback';

describe('listenForRedirect', () => {
  it('ignores a redirect with the wrong state and takes the code from the right one', async () => {
    const listener = await listenForRedirect('expected-state', 10_000);
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const forged = await fetch(`${listener.redirectUri}?code=evil&state=other`);
    expect(forged.status).toBe(400);
    const good = await fetch(`${listener.redirectUri}?code=the-code&state=expected-state`);
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('You can close this tab');
    await expect(listener.result).resolves.toEqual({ code: 'the-code' });
  });

  it("turns Okta's error redirect into an AppError with the fix", async () => {
    const listener = await listenForRedirect('s', 10_000);
    const assertion = expect(listener.result).rejects.toMatchObject({
      code: 'OKTA_SIGNIN_DENIED',
      message: 'Okta refused the sign-in: User is not assigned to the client application..',
    });
    await fetch(
      `${listener.redirectUri}?error=access_denied&error_description=${encodeURIComponent('User is not assigned to the client application.')}&state=s`,
    );
    await assertion;
  });

  it('gives up when the browser never comes back', async () => {
    const listener = await listenForRedirect('s', 20);
    await expect(listener.result).rejects.toMatchObject({ code: 'OKTA_SIGNIN_TIMEOUT' });
  });
});
