import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { OktaOrgClient } from '../../src-main/okta/org-client';
import { apiTokenClient } from './api-token-client';

/** One answer of a real Okta org, as recorded by terraform-provider-okta's go-vcr cassettes. */
export interface RecordedAnswer {
  name: string;
  source: { repository: string; commit: string; path: string; interaction: number; license: string };
  request: { method: string; url: string; body?: string };
  response: { status: number; headers: Record<string, string>; body: string };
}

const DIR = join(import.meta.dirname, '..', 'fixtures', 'okta-vcr');

export function recordedAnswers(): Map<string, RecordedAnswer> {
  const out = new Map<string, RecordedAnswer>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    const name = file.replace(/\.json$/, '');
    out.set(name, { name, ...(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Omit<RecordedAnswer, 'name'>) });
  }
  return out;
}

export function recorded(name: string): RecordedAnswer {
  const answer = recordedAnswers().get(name);
  if (!answer) throw new Error(`no recorded answer ${name}`);
  return answer;
}

/** The recorded JSON body, parsed. */
export function recordedJson<T = unknown>(name: string): T {
  return JSON.parse(recorded(name).response.body) as T;
}

/**
 * A 127.0.0.1 server that answers `METHOD path` with a recorded answer, byte for byte (status,
 * Content-Type, Link, body). Routes are given by the test, since one recorded answer may stand for
 * several ids.
 */
export async function serveRecorded(
  routes: Record<string, string>,
): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const answers = recordedAnswers();
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = `${req.method ?? 'GET'} ${url.pathname}`;
    seen.push(`${key}${url.search}`);
    req.resume();
    const answer = routes[key] === undefined ? undefined : answers.get(routes[key]);
    if (!answer) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`no recorded answer for ${key}`);
      return;
    }
    const body = Buffer.from(answer.response.body, 'utf8');
    res.writeHead(answer.response.status, { ...answer.response.headers, 'content-length': String(body.length) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Our Okta client, as the app builds it, pointed at a server of recorded answers. */
export function recordedOrgClient(url: string): OktaOrgClient {
  return apiTokenClient({
    clientId: 'recorded',
    orgUrl: url,
    apiToken: 'recorded-0123456789abcdefghij',
  });
}
