import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/errors';
import { buildOktaUser, ScimClient, type ScimExchange } from '../../../src-main/scim/client';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

/** A server that records what arrives and answers with `respond`. */
async function serve(
  respond: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      respond(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`, seen };
}

const scimJson = (body: unknown) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'application/scim+json' }).end(JSON.stringify(body));
};

describe('ScimClient requests', () => {
  it('looks a user up exactly as Okta does before a create', async () => {
    const { baseUrl, seen } = await serve(scimJson({ totalResults: 0 }));
    await new ScimClient({ baseUrl, token: 'vendor-token-123' }).findUserByUserName('ann@ex.com');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url).toBe('/scim/v2/Users?filter=userName%20eq%20%22ann%40ex.com%22&startIndex=1&count=100');
    expect(seen[0]?.body).toBe('');
    expect(seen[0]?.headers).toMatchObject({
      accept: 'application/scim+json',
      'accept-charset': 'utf-8',
      'accept-encoding': 'gzip,deflate',
      'user-agent': 'Okta SCIM Client 1.0.0',
      authorization: 'Bearer vendor-token-123',
      connection: 'close',
    });
    expect(seen[0]?.headers['content-type']).toBeUndefined();
  });

  it("sends Okta's connection test and SCIM media type on bodies", async () => {
    const { baseUrl, seen } = await serve(scimJson({}));
    const client = new ScimClient({ baseUrl: `${baseUrl}/`, token: 't' });
    await client.listUsers({ startIndex: 1, count: 2 });
    await client.patchUser('u 1', [{ op: 'replace', value: { active: false } }]);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /scim/v2/Users?startIndex=1&count=2',
      'PATCH /scim/v2/Users/u%201',
    ]);
    expect(seen[1]?.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(JSON.parse(seen[1]?.body ?? '')).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
  });

  it('reports each exchange with the token and password redacted', async () => {
    const { baseUrl } = await serve((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/scim+json; charset=utf-8' }).end('{"id":"u1"}');
    });
    const exchanges: ScimExchange[] = [];
    const reply = await new ScimClient({
      baseUrl,
      token: 'secret-token',
      onExchange: (e) => exchanges.push(e),
    }).createUser(
      buildOktaUser({ userName: 'a@ex.com', givenName: 'A', familyName: 'B', email: 'a@ex.com', externalId: '00u1' }),
    );
    expect(reply).toMatchObject({
      status: 201,
      body: { id: 'u1' },
      contentType: 'application/scim+json; charset=utf-8',
    });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({
      method: 'POST',
      url: `${baseUrl}/Users`,
      status: 201,
      responseBody: { id: 'u1' },
      responseHeaders: { 'content-type': 'application/scim+json; charset=utf-8' },
    });
    expect(exchanges[0]?.requestHeaders.Authorization).toBe('Bearer ••••');
    expect(exchanges[0]?.requestBody).toMatchObject({ userName: 'a@ex.com', password: '••••' });
    expect(JSON.stringify(exchanges)).not.toContain('secret-token');
  });

  it('keeps a non-JSON body as text', async () => {
    const { baseUrl } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>sign in</html>');
    });
    const reply = await new ScimClient({ baseUrl, token: 't' }).getUser('x');
    expect(reply).toMatchObject({ status: 200, body: '<html>sign in</html>', contentType: 'text/html' });
  });
});

describe('ScimClient network failures', () => {
  it('names a timeout', async () => {
    const { baseUrl } = await serve(() => undefined);
    const reply = await new ScimClient({ baseUrl, token: 't', timeoutMs: 200 }).getServiceProviderConfig();
    expect(reply.status).toBe(0);
    expect(reply.exchange).toMatchObject({
      status: 0,
      failure: 'timeout',
      error: 'No answer within 200 ms (timeout).',
    });
  });

  it('names a refused connection', async () => {
    const { baseUrl } = await serve(() => undefined);
    const server = servers.pop();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const reply = await new ScimClient({ baseUrl, token: 't' }).getServiceProviderConfig();
    expect(reply.exchange.failure).toBe('refused');
    expect(reply.exchange.error).toBe(`Connection refused by ${new URL(baseUrl).host}: nothing is listening there.`);
  });

  it('names a reset connection', async () => {
    const { baseUrl } = await serve((req) => req.socket.destroy());
    const reply = await new ScimClient({ baseUrl, token: 't' }).listUsers({});
    expect(reply.exchange.failure).toBe('reset');
    expect(reply.exchange.error).toBe(
      `The connection to ${new URL(baseUrl).host} was reset or closed before a complete answer.`,
    );
  });

  it('names a port that fetch refuses to use', async () => {
    const reply = await new ScimClient({
      baseUrl: 'http://127.0.0.1:9/scim/v2',
      token: 't',
    }).getServiceProviderConfig();
    expect(reply.exchange).toMatchObject({
      status: 0,
      failure: 'network',
      error:
        "Port 9 is on the Fetch standard's list of blocked ports, so no request was sent; use the vendor's real SCIM port (usually 443).",
    });
  });
});

describe('ScimClient configuration', () => {
  it.each([
    ['not a url', '"not a url" is not a URL.'],
    ['ftp://vendor.example/scim', '"ftp://vendor.example/scim" uses ftp: — a SCIM endpoint is reached over https.'],
    [
      'https://vendor.example/scim/v2?x=1',
      '"https://vendor.example/scim/v2?x=1" has a query or fragment; the SCIM base URL is the part before /Users.',
    ],
  ])('refuses the base URL %s', (baseUrl, message) => {
    expect(() => new ScimClient({ baseUrl, token: 't' })).toThrow(
      new AppError(
        'SCIM_BASE_URL_INVALID',
        message,
        "Use the vendor's SCIM connector base URL without /Users, e.g. https://api.vendor.example/scim/v2",
        'baseUrl',
      ),
    );
  });

  it('refuses an empty token', () => {
    expect(() => new ScimClient({ baseUrl: 'https://vendor.example/scim/v2', token: '  ' })).toThrow(
      'The SCIM bearer token is empty.',
    );
  });

  it('drops trailing slashes from the base URL', () => {
    expect(new ScimClient({ baseUrl: 'https://vendor.example/scim/v2//', token: 't' }).baseUrl).toBe(
      'https://vendor.example/scim/v2',
    );
  });
});
