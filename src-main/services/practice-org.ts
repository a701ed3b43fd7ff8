/**
 * The built-in sandbox org that practice mode and demos run against. Started on first use, on
 * 127.0.0.1 with a random port; its data lives in memory and resets when the app quits.
 */
export interface PracticeOrg {
  /** The running sandbox's URL, if it has been started. */
  readonly url: string | undefined;
  ensureStarted(): Promise<{ url: string; apiToken: string }>;
  close(): Promise<void>;
}

export function createPracticeOrg(): PracticeOrg {
  let started: Promise<{ url: string; apiToken: string; close: () => Promise<void> }> | undefined;
  let url: string | undefined;
  return {
    get url() {
      return url;
    },
    ensureStarted() {
      started ??= import('../sandbox/server').then(async ({ createSandboxOrg }) => {
        const org = await createSandboxOrg({});
        url = org.url;
        return { url: org.url, apiToken: org.apiToken, close: () => org.close() };
      });
      return started.then(({ url: u, apiToken }) => ({ url: u, apiToken }));
    },
    async close() {
      if (started) await (await started).close();
    },
  };
}

/**
 * A sandbox org already running elsewhere (`okta-onboard sandbox`), used as the practice org.
 * End-to-end tests use it to count, at the sandbox, the writes the wizard makes.
 */
export function attachPracticeOrg(url: string, apiToken: string): PracticeOrg {
  return {
    url,
    ensureStarted: async () => ({ url, apiToken }),
    close: async () => undefined,
  };
}
