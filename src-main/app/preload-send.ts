import type { ApiResult } from '../api/failure';
import { isAppError } from '../errors';
import { checkRequestValue } from '../services/request-limits';

/**
 * The preload's send: bounds a request's size, parts and depth before `ipcRenderer.invoke`
 * serialises it, so an oversized call is refused in the renderer and never crosses to main.
 * Electron gives main no hook before it deserialises a message (ipcMain handlers receive the
 * structured-clone result), so main checks again after (dispatch) for a renderer that bypassed
 * this; see README "Hostile input".
 */
export function boundedSend(
  invoke: (wireName: string, request: unknown) => Promise<unknown>,
): (wireName: string, request: unknown) => Promise<unknown> {
  return (wireName, request) => {
    try {
      checkRequestValue(request);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const failure: ApiResult<never> = {
        ok: false,
        error: { code: error.code, message: error.message, hint: error.hint },
      };
      return Promise.resolve(failure);
    }
    return invoke(wireName, request);
  };
}
