import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMetadata } from '../../../src-main/saml/load-metadata';

const XML = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>';
let server: Server;
let base: string;
let dir: string;
const hanging = new Set<() => void>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saml-load-'));
  server = createServer((req, res) => {
    switch (req.url) {
      case '/metadata':
        res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(XML);
        return;
      case '/as-text':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`\uFEFF${XML}`);
        return;
      case '/login':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Sign in</body></html>');
        return;
      case '/huge':
        // Chunked without a length, so the cap while reading is what stops it.
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.write('x'.repeat(700_000));
        res.end('x'.repeat(700_000));
        return;
      case '/slow':
        hanging.add(() => res.end());
        return;
      default:
        res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const finish of hanging) finish();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(source: string, options = {}): Promise<string> {
  try {
    await loadMetadata(source, options);
    return 'loaded';
  } catch (error) {
    return error instanceof Error && 'code' in error ? String(error.code) : String(error);
  }
}

describe('loadMetadata', () => {
  it('takes pasted XML as it is', async () => {
    expect(await loadMetadata(`  ${XML}\n`)).toEqual({ xml: XML, origin: 'pasted' });
  });

  it('reads a file', async () => {
    const path = join(dir, 'idp.xml');
    await writeFile(path, `\uFEFF${XML}`);
    expect(await loadMetadata(path)).toEqual({ xml: XML, origin: 'file', location: path });
  });

  it('fetches a URL whatever content type it is served with', async () => {
    expect(await loadMetadata(`${base}/metadata`)).toEqual({ xml: XML, origin: 'url', location: `${base}/metadata` });
    expect((await loadMetadata(`${base}/as-text`)).xml).toBe(XML);
  });

  it('refuses what it cannot use with a specific code', async () => {
    const unusedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    expect(await codeOf(`${base}/missing`)).toBe('METADATA_URL_HTTP_STATUS');
    expect(await codeOf(`${base}/login`)).toBe('METADATA_URL_NOT_XML');
    expect(await codeOf(`${base}/huge`)).toBe('METADATA_TOO_LARGE');
    expect(await codeOf(`${base}/slow`, { timeoutMs: 200 })).toBe('METADATA_URL_TIMEOUT');
    expect(await codeOf(`http://127.0.0.1:${unusedPort}/metadata`)).toBe('METADATA_URL_UNREACHABLE');
    expect(await codeOf('ftp://example.com/metadata.xml')).toBe('METADATA_URL_SCHEME');
    expect(await codeOf(join(dir, 'absent.xml'))).toBe('METADATA_FILE_NOT_FOUND');
    expect(await codeOf(dir)).toBe('METADATA_FILE_UNREADABLE');
  });

  it('says why a URL gave no metadata', async () => {
    await expect(loadMetadata(`${base}/missing`)).rejects.toThrow(
      `${base}/missing: no metadata there (404 Not Found); the app ID in the URL is probably wrong or the app was deleted.`,
    );
  });
});
