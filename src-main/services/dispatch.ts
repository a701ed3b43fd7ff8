import { findChannel, type ChannelMap } from '../api/channel';
import { validationFailure, type ApiFailure, type ApiResult } from '../api/failure';
import { isAppError } from '../errors';
import { checkRequestValue } from './request-limits';

type AnyHandler = (request: unknown) => Promise<unknown>;
type AnyHandlers = Record<string, Record<string, AnyHandler>>;

export function toFailure(error: unknown): ApiFailure {
  if (isAppError(error)) {
    return {
      code: error.code,
      message: error.message,
      hint: error.hint,
      ...(error.field ? { field: error.field } : {}),
    };
  }
  return {
    code: 'INTERNAL',
    message: `Something went wrong inside the app: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'Try again; if it keeps happening, report it with the step you were on.',
  };
}

function ownHandler(handlers: AnyHandlers, wireName: string): AnyHandler | undefined {
  const dot = wireName.indexOf('.');
  const group = wireName.slice(0, dot);
  const name = wireName.slice(dot + 1);
  if (!Object.hasOwn(handlers, group) || !Object.hasOwn(handlers[group]!, name)) return undefined;
  const handler = handlers[group]![name];
  return typeof handler === 'function' ? handler : undefined;
}

/**
 * The one place a wire call becomes a handler call, shared by ipcMain and the browser bridge:
 * the request's size and depth are bounded and it is validated before the handler sees it, the
 * reply before the renderer does, and every failure comes back as a value.
 */
export async function dispatch(
  map: ChannelMap,
  handlers: object,
  wireName: string,
  rawRequest: unknown,
  onUnexpected?: (wireName: string, error: unknown) => void,
): Promise<ApiResult<unknown>> {
  const channel = findChannel(map, wireName);
  const handler = channel ? ownHandler(handlers as AnyHandlers, wireName) : undefined;
  if (!channel || !handler) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_CHANNEL',
        message: `There is no "${wireName}" operation.`,
        hint: 'The renderer and main are out of step; restart the app.',
      },
    };
  }
  try {
    checkRequestValue(rawRequest);
  } catch (error) {
    return { ok: false, error: toFailure(error) };
  }
  const request = channel.request.safeParse(rawRequest ?? {});
  if (!request.success) return { ok: false, error: validationFailure(request.error.issues, 'request') };
  let reply: unknown;
  try {
    reply = await handler(request.data);
  } catch (error) {
    if (!isAppError(error)) onUnexpected?.(wireName, error);
    return { ok: false, error: toFailure(error) };
  }
  const checked = channel.reply.safeParse(reply);
  if (!checked.success) return { ok: false, error: validationFailure(checked.error.issues, 'reply') };
  return { ok: true, value: checked.data };
}
