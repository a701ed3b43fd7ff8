import { describe, expect, it } from 'vitest';
import { nextLink, withQuery } from '../../../src-main/okta/http';

describe('nextLink', () => {
  it('takes the rel="next" target among the Link header entries', () => {
    expect(
      nextLink(
        '<https://acme.okta.com/api/v1/users?limit=2>; rel="self", <https://acme.okta.com/api/v1/users?after=00u2&limit=2>; rel="next"',
      ),
    ).toBe('https://acme.okta.com/api/v1/users?after=00u2&limit=2');
  });
  it('says there is no next page when only self is linked or there is no header', () => {
    expect(nextLink('<https://acme.okta.com/api/v1/users>; rel="self"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });
});

describe('withQuery', () => {
  it('encodes set values and leaves out empty ones', () => {
    expect(
      withQuery('/api/v1/users', { search: 'profile.department eq "Sales"', q: '', limit: 5, filter: undefined }),
    ).toBe('/api/v1/users?search=profile.department+eq+%22Sales%22&limit=5');
  });
});
