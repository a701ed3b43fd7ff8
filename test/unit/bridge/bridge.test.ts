import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../src-main/api/channel';
import { channels } from '../../../src-main/api/channels';
import { startBridge, type Bridge } from '../../../src-main/bridge/server';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { makeTempDir } from '../../support/temp-dir';

describe('browser-mode bridge', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  let bridge: Bridge;

  beforeAll(async () => {
    temp = await makeTempDir();
    const rendererDir = join(temp.dir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>wizard</title>');
    services = await createServices({ mode: 'browser', dataDir: join(temp.dir, 'data') });
    bridge = await startBridge({
      channels,
      handlers: services.handlers,
      rendererDir,
      token: 'test-token-0123456789',
      log: () => undefined,
    });
  });

  afterAll(async () => {
    await bridge.close();
    await services.close();
    await temp.remove();
  });

  const call = (wire: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${bridge.origin}/api/${wire}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-token-0123456789', ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 and prints a URL with the token in the fragment', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=test-token-0123456789$/);
  });

  it('answers 401 to a request without the token', async () => {
    const response = await fetch(`${bridge.origin}/api/clients.list`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('answers 401 to a request with a wrong token', async () => {
    const response = await call('clients.list', {}, { Authorization: 'Bearer test-token-0123456788' });
    expect(response.status).toBe(401);
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${bridge.origin}/api/clients.list`,
        { method: 'POST', headers: { Host: 'evil.example.com', Authorization: 'Bearer test-token-0123456789' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('refuses a cross-origin call even with the token', async () => {
    const response = await call('clients.list', {}, { Origin: 'https://evil.example.com' });
    expect(response.status).toBe(403);
  });

  it('answers a typed validation error naming the field for a malformed request to every channel', async () => {
    for (const wire of channelNames(channels)) {
      const response = await call(wire, 'not an object');
      const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(response.status, wire).toBe(200);
      expect(body.ok, wire).toBe(false);
      expect(body.error.code, wire).toBe('INVALID_REQUEST');
    }
  });

  it('names the field at fault: a bad org URL says what a valid one looks like', async () => {
    const response = await call('clients.add', { kind: 'org', name: 'Acme', orgUrl: 'http://acme.okta.com' });
    const body = (await response.json()) as { ok: false; error: { code: string; field: string; message: string } };
    expect(body.error.code).toBe('INVALID_REQUEST');
    expect(body.error.field).toBe('orgUrl');
    expect(body.error.message).toContain('must use https; an Okta org URL looks like https://acme.okta.com');
  });

  it('runs a valid call end to end and keeps the result on disk', async () => {
    const added = (await (
      await call('clients.add', { kind: 'org', name: 'Globex', orgUrl: 'https://globex.okta.com/' })
    ).json()) as { ok: true; value: { name: string; orgUrl: string } };
    expect(added.value).toMatchObject({ name: 'Globex', orgUrl: 'https://globex.okta.com' });
    const listed = (await (await call('clients.list', {})).json()) as { ok: true; value: { name: string }[] };
    expect(listed.value.map((c) => c.name)).toContain('Globex');
  });

  it('answers 404 for an unknown channel', async () => {
    const response = await call('clients.explode', {});
    expect(response.status).toBe(404);
  });

  it('serves the renderer with the CSP, and no file outside it', async () => {
    const page = await fetch(`${bridge.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${bridge.origin}/..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(404);
  });
});
