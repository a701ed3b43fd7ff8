import { request as httpRequest } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channel } from '../../../src-main/api/channel';
import { channels } from '../../../src-main/api/channels';
import { bridgeLogLine, startBridge, type Bridge, type BridgeLogEntry } from '../../../src-main/bridge/server';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { deepMetadata } from '../../support/hostile-xml';
import { makeTempDir } from '../../support/temp-dir';

const token = 'hostile-test-token-0123456789';
const testChannels = {
  ...channels,
  probe: { explode: channel(z.object({}), z.object({})) },
};

describe('the bridge under hostile requests', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  let bridge: Bridge;
  const logged: BridgeLogEntry[] = [];

  beforeAll(async () => {
    temp = await makeTempDir();
    const rendererDir = join(temp.dir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>wizard</title>');
    services = await createServices({ mode: 'browser', dataDir: join(temp.dir, 'data') });
    const handlers = {
      ...services.handlers,
      probe: {
        explode: () => Promise.reject(new Error(`kaput while holding ${token}`)),
      },
    };
    bridge = await startBridge({
      channels: testChannels,
      handlers,
      rendererDir,
      token,
      log: (entry) => logged.push(entry),
    });
  });

  afterAll(async () => {
    await bridge.close();
    await services.close();
    await temp.remove();
  });

  /** Sends raw text (fetch cannot send a malformed path), and reads the whole answer. */
  function post(path: string, body: string | Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${bridge.origin}${path}`,
        { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  const failureOf = (body: string) =>
    (JSON.parse(body) as { ok: false; error: { code: string; message: string } }).error;
  const lastLog = () => logged[logged.length - 1];

  it('answers 413 with a typed failure, not a reset connection, to a body over 5 MB', async () => {
    const junk = JSON.stringify({
      integrationId: 'int_0',
      stepId: 'app',
      input: { junk: 'x'.repeat(5.5 * 1024 * 1024) },
    });
    const answer = await post('/api/steps.saveInput', junk);
    expect(answer.status).toBe(413);
    expect(failureOf(answer.body)).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(lastLog()).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', channel: 'steps.saveInput' });
  });

  it.each([2_000, 20_000])(
    'refuses a body nested %i levels deep before parsing it, naming the limit',
    async (levels) => {
      const deep = `{"integrationId":"int_0","stepId":"app","input":{"a":${'['.repeat(levels)}${']'.repeat(levels)}}}`;
      const answer = await post('/api/steps.saveInput', deep);
      expect(answer.status).toBe(400);
      expect(failureOf(answer.body)).toMatchObject({
        code: 'REQUEST_TOO_DEEP',
        message: 'The request is nested more than 32 levels deep; no input of the wizard is.',
      });
      expect(lastLog()).toMatchObject({ status: 400, code: 'REQUEST_TOO_DEEP' });
    },
  );

  it('does not count brackets inside strings as nesting', async () => {
    const answer = await post(
      '/api/clients.add',
      JSON.stringify({
        kind: 'org',
        name: `Brackets ${'['.repeat(100)}`.slice(0, 60),
        orgUrl: 'https://brackets.okta.com',
      }),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
  });

  it.each([
    '__proto__.toString',
    'constructor.name',
    'clients.__proto__',
    'clients.hasOwnProperty',
    'clients.list%E0%A4%A',
    '%ZZ',
  ])('answers UNKNOWN_CHANNEL (404) to the channel name %s', async (name) => {
    const answer = await post(`/api/${name}`, '{}');
    expect(answer.status).toBe(404);
    expect(failureOf(answer.body).code).toBe('UNKNOWN_CHANNEL');
    expect(lastLog()).toMatchObject({ status: 404, code: 'UNKNOWN_CHANNEL' });
  });

  it('answers a bad %-escape in a page path with 404, not 500', async () => {
    const response = await fetch(`${bridge.origin}/assets/%E0%A4%A.js`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('logs a thrown error with its stack and answers a typed INTERNAL failure, the token redacted', async () => {
    const answer = await post('/api/probe.explode', '{}');
    expect(answer.status).toBe(200);
    expect(failureOf(answer.body).code).toBe('INTERNAL');
    const entry = logged.find((e) => e.channel === 'probe.explode' && e.cause);
    expect(entry?.cause).toContain('kaput while holding [token]');
    expect(entry?.cause).toContain('hostile-requests.test.ts');
  });

  it('never writes the token to the log, even when the path carries it', async () => {
    await post(`/api/${token}`, '{}');
    const unauthorised = await fetch(`${bridge.origin}/api/clients.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}x` },
    });
    expect(unauthorised.status).toBe(401);
    expect(((await unauthorised.json()) as { error: { code: string } }).error.code).toBe('BRIDGE_TOKEN_REJECTED');
    const text = logged.map(bridgeLogLine).join('\n');
    expect(text).toContain('401 BRIDGE_TOKEN_REJECTED POST /api/clients.list');
    expect(text).not.toContain(token);
  });

  it('logs a typed failure a handler answers, with its code and message', async () => {
    const answer = await post(
      '/api/clients.add',
      JSON.stringify({ kind: 'org', name: 'Acme', orgUrl: 'http://acme.okta.com' }),
    );
    expect(failureOf(answer.body).code).toBe('INVALID_REQUEST');
    expect(lastLog()).toMatchObject({ status: 200, code: 'INVALID_REQUEST', channel: 'clients.add' });
  });

  it('saves only the validated input of a step: unknown keys and deep junk are dropped, values trimmed', async () => {
    const added = JSON.parse(
      (
        await post(
          '/api/clients.add',
          JSON.stringify({ kind: 'org', name: 'Junk Co', orgUrl: 'https://junk.okta.com' }),
        )
      ).body,
    ) as { value: { id: string } };
    const integration = JSON.parse(
      (await post('/api/integrations.add', JSON.stringify({ clientId: added.value.id, vendorId: 'millie' }))).body,
    ) as { value: { id: string } };
    let nested: unknown = 'bottom';
    for (let level = 0; level < 25; level += 1) nested = { level: nested };
    const answer = await post(
      '/api/steps.saveInput',
      JSON.stringify({
        integrationId: integration.value.id,
        stepId: 'slug',
        input: { companySlug: ' acme-corp ', junk: 'x'.repeat(1_000_000), nested },
      }),
    );
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { input: { companySlug: 'acme-corp' } } });
    const file = JSON.parse(await readFile(join(temp.dir, 'data', 'workspace.json'), 'utf8')) as {
      integrations: { id: string; steps: Record<string, { input: unknown }> }[];
    };
    const saved = file.integrations.find((i) => i.id === integration.value.id);
    expect(saved?.steps.slug?.input).toEqual({ companySlug: 'acme-corp' });
  });

  it('refuses 100,000-deep pasted metadata through saml.inspectMetadata, naming the limit', async () => {
    const answer = await post('/api/saml.inspectMetadata', JSON.stringify({ xml: deepMetadata(100_000) }));
    expect(answer.status).toBe(200);
    expect(failureOf(answer.body)).toMatchObject({
      code: 'METADATA_TOO_COMPLEX',
      message:
        'The metadata was refused before parsing: it nests elements more than 50 levels deep (the limit). IdP metadata for one app nests under 10 levels and has a few dozen elements.',
    });
  });
});
