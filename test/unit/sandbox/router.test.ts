import { describe, expect, it } from 'vitest';
import { json, Router, type RouteDefinition } from '../../../src-main/sandbox/router';

function route(method: RouteDefinition['method'], path: string): RouteDefinition {
  return { method, path, auth: 'none', handler: () => json(200, path) };
}

describe('router', () => {
  const router = new Router();
  router.add(
    route('GET', '/api/v1/users/{id}'),
    route('GET', '/api/v1/users/me'),
    route('DELETE', '/api/v1/apps/{appId}/users/{userId}'),
  );

  it('prefers a literal segment to a parameter', () => {
    const match = router.match('GET', '/api/v1/users/me');
    expect(match.kind === 'found' && match.route.path).toBe('/api/v1/users/me');
  });

  it('decodes parameters', () => {
    const match = router.match('GET', '/api/v1/users/ann%40acme.example');
    expect(match.kind === 'found' && match.params).toEqual({ id: 'ann@acme.example' });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('POST', '/api/v1/users/me').kind).toBe('method-not-allowed');
    expect(router.match('GET', '/api/v1/nothing').kind).toBe('not-found');
    expect(router.match('DELETE', '/api/v1/apps/0oa1/users/00u1').kind).toBe('found');
  });
});
