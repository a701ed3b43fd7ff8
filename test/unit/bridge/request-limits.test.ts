import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channel } from '../../../src-main/api/channel';
import { dispatch } from '../../../src-main/services/dispatch';
import { checkJsonText, checkRequestValue } from '../../../src-main/services/request-limits';

const map = { steps: { saveInput: channel(z.object({ input: z.record(z.string(), z.unknown()) }), z.object({})) } };
const handlers = { steps: { saveInput: () => Promise.resolve({}) } };

function nestedValue(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

describe('request limits (what IPC and the bridge both enforce before a schema runs)', () => {
  it('refuses a value 20,000 levels deep as IPC delivers it, with the limit in the message', async () => {
    const result = await dispatch(map, handlers, 'steps.saveInput', { input: nestedValue(20_000) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'REQUEST_TOO_DEEP',
        message: 'The request is nested more than 32 levels deep; no input of the wizard is.',
        hint: 'Send the fields the step asks for, as plain values.',
      },
    });
  });

  it('refuses a cyclic value instead of walking it forever', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const result = await dispatch(map, handlers, 'steps.saveInput', { input: cyclic });
    expect(result.ok === false && result.error.code).toBe('REQUEST_TOO_DEEP');
  });

  it('refuses over 5 MB of text in a value, and over 100,000 parts', async () => {
    const big = await dispatch(map, handlers, 'steps.saveInput', { input: { junk: 'x'.repeat(5 * 1024 * 1024 + 1) } });
    expect(big.ok === false && big.error).toMatchObject({
      code: 'REQUEST_TOO_LARGE',
      message: 'The request is over 5 MB, the most one call may carry.',
    });
    const many = await dispatch(map, handlers, 'steps.saveInput', { input: { list: new Array(100_001).fill(0) } });
    expect(many.ok === false && many.error.code).toBe('REQUEST_TOO_LARGE');
  });

  it('lets an ordinary request through', async () => {
    expect(await dispatch(map, handlers, 'steps.saveInput', { input: nestedValue(30) })).toEqual({
      ok: true,
      value: {},
    });
    expect(() => checkRequestValue({ a: [1, 'two', { three: null }], b: new Uint8Array(1024) })).not.toThrow();
  });

  it('counts JSON nesting outside strings only, escaped quotes included', () => {
    expect(() => checkJsonText(`{"a":"${'['.repeat(1000)}\\"${'{'.repeat(1000)}"}`)).not.toThrow();
    expect(() => checkJsonText(`${'['.repeat(32)}${']'.repeat(32)}`)).not.toThrow();
    expect(() => checkJsonText(`${'['.repeat(33)}${']'.repeat(33)}`)).toThrow(
      'The request is nested more than 32 levels deep',
    );
  });

  it.each(['__proto__.toString', 'constructor.name', 'steps.__proto__', 'steps.hasOwnProperty', 'toString'])(
    'answers UNKNOWN_CHANNEL to %s, never reaching Object.prototype',
    async (name) => {
      const result = await dispatch(map, handlers, name, {});
      expect(result.ok === false && result.error.code).toBe('UNKNOWN_CHANNEL');
    },
  );
});
