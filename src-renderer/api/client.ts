import {
  buildApi,
  channels,
  findChannel,
  resultSchema,
  type ApiOf,
  type ApiFailure,
  type ApiResult,
  type Channels,
} from '../../src-main/api';

declare global {
  interface Window {
    /** Present in Electron: the preload's api, built from the same channel map. */
    api?: ApiOf<Channels>;
  }
}

const tokenKey = 'okta-onboard.bridge-token';

/** Browser mode: the token arrives in the URL fragment once; keep it for reloads, then drop it from the address bar. */
function bridgeToken(): string | undefined {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(tokenKey) ?? undefined;
}

async function sendOverBridge(wireName: string, request: unknown): Promise<unknown> {
  const token = bridgeToken();
  if (!token) {
    return {
      ok: false,
      error: {
        code: 'NO_BRIDGE_TOKEN',
        message: 'This page was opened without its access token.',
        hint: 'Open the URL that "npm run start:browser" printed, including the part after #.',
      },
    };
  }
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(wireName)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(request ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'BRIDGE_UNREACHABLE',
        message: "The wizard's local server is not answering.",
        hint: 'Check that "okta-onboard browser" is still running, then reload.',
      },
    };
  }
  if (response.status === 401) {
    return {
      ok: false,
      error: {
        code: 'BRIDGE_TOKEN_REJECTED',
        message: "The local server refused this page's access token.",
        hint: 'The server was restarted: open the new URL it printed.',
      },
    };
  }
  try {
    return await response.json();
  } catch {
    // A proxy's error page, a cut-off body: say so instead of leaving the screen waiting.
    return {
      ok: false,
      error: {
        code: 'BRIDGE_BAD_REPLY',
        message: `The wizard's local server answered HTTP ${response.status} with something that is not a reply.`,
        hint: 'Try again. If it keeps happening, look at the terminal where "okta-onboard browser" runs for the error.',
      },
    };
  }
}

/** A call that threw instead of answering (IPC to a main process that went away, a bug): a failure like any other. */
export function callFailed(error: unknown): { ok: false; error: ApiFailure } {
  return {
    ok: false,
    error: {
      code: 'CALL_FAILED',
      message: `The app could not finish this request (${error instanceof Error ? error.message : String(error)}).`,
      hint: 'Try again; if it keeps failing, restart the app.',
    },
  };
}

/** Replies are checked here too: the renderer trusts main's types only after zod says so. */
async function checked(wireName: string, raw: Promise<unknown>): Promise<ApiResult<unknown>> {
  const channel = findChannel(channels, wireName);
  let value: unknown;
  try {
    value = await raw;
  } catch (error) {
    return callFailed(error);
  }
  if (!channel)
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `Unknown operation ${wireName}.`, hint: 'Reload the app.' },
    };
  const parsed = resultSchema(channel.reply).safeParse(value);
  if (parsed.success) return parsed.data as ApiResult<unknown>;
  return {
    ok: false,
    error: {
      code: 'INVALID_REPLY',
      message: `The app sent a reply this screen does not understand (${wireName}).`,
      hint: 'Reload; if it persists, report it.',
    },
  };
}

const preload = window.api;

export const api: ApiOf<Channels> = buildApi(channels, (wireName, request) => {
  if (preload) {
    const [group, name] = wireName.split('.') as [keyof Channels, string];
    const call = (preload[group] as Record<string, (r: unknown) => Promise<unknown>>)[name];
    if (!call) return checked(wireName, Promise.resolve(undefined));
    return checked(wireName, call(request));
  }
  return checked(wireName, sendOverBridge(wireName, request));
});

export const runsInBrowser = preload === undefined;
