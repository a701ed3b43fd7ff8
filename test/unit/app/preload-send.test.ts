import { describe, expect, it } from 'vitest';
import { boundedSend } from '../../../src-main/app/preload-send';
import { requestLimits } from '../../../src-main/services/request-limits';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i += 1) value = { a: value };
  return value;
}

describe('the preload bounds a request before ipcRenderer.invoke serialises it', () => {
  const sent: string[] = [];
  const send = boundedSend(async (wireName) => {
    sent.push(wireName);
    return { ok: true, value: {} };
  });

  it('an ordinary request is sent as is', async () => {
    await expect(send('clients.list', {})).resolves.toEqual({ ok: true, value: {} });
    expect(sent).toEqual(['clients.list']);
  });

  it('an oversized, too deep or too many-part request is answered in the renderer and never sent', async () => {
    sent.length = 0;
    const big = 'x'.repeat(requestLimits.maxBytes + 1);
    await expect(send('steps.saveInput', { input: { junk: big } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'REQUEST_TOO_LARGE' },
    });
    await expect(send('steps.saveInput', nested(20_000))).resolves.toMatchObject({
      ok: false,
      error: { code: 'REQUEST_TOO_DEEP' },
    });
    const parts = Array.from({ length: requestLimits.maxNodes + 1 }, () => 1);
    await expect(send('steps.saveInput', { parts })).resolves.toMatchObject({
      ok: false,
      error: { code: 'REQUEST_TOO_LARGE' },
    });
    expect(sent).toEqual([]);
  });
});
