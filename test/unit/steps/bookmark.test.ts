import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../support/openapi-contract';
import { BookmarkInputSchema, type BookmarkObserved } from '../../../src-main/api/step-bookmark';
import { bookmarkAppInput, planBookmark } from '../../../src-main/steps/bookmark';

const input = { label: 'Courier Login', url: 'https://app.courier.example/login' };
const groups = [
  { groupId: 'g1', groupName: 'Engineering' },
  { groupId: 'g2', groupName: 'Support' },
];

describe('bookmark plan', () => {
  it('creates the bookmark and assigns every group of the main app', () => {
    const observed: BookmarkObserved = { app: null, mainGroups: groups, bookmarkGroupIds: [] };
    expect(planBookmark(input, observed).map((c) => [c.id, c.kind, c.target])).toEqual([
      ['bookmark-app', 'create', 'bookmark app "Courier Login"'],
      ['bookmark-group:g1', 'create', 'group "Engineering"'],
      ['bookmark-group:g2', 'create', 'group "Support"'],
    ]);
  });

  it('corrects the URL, activates, and assigns only the missing group', () => {
    const observed: BookmarkObserved = {
      app: { id: '0oa9', label: 'Courier Login', url: 'https://old.example/', status: 'INACTIVE', foundBy: 'label' },
      mainGroups: groups,
      bookmarkGroupIds: ['g1'],
    };
    expect(planBookmark(input, observed).map((c) => [c.id, c.kind, c.details])).toEqual([
      [
        'bookmark-settings',
        'update',
        [{ field: 'URL', from: 'https://old.example/', to: 'https://app.courier.example/login' }],
      ],
      ['bookmark-activate', 'update', [{ field: 'status', from: 'INACTIVE', to: 'ACTIVE' }]],
      ['bookmark-group:g2', 'create', [{ field: 'assigned to', to: 'Courier Login' }]],
    ]);
  });

  it('plans nothing when the bookmark matches', () => {
    const observed: BookmarkObserved = {
      app: { id: '0oa9', label: 'Courier Login', url: input.url, status: 'ACTIVE', foundBy: 'fact' },
      mainGroups: groups,
      bookmarkGroupIds: ['g1', 'g2'],
    };
    expect(planBookmark(input, observed)).toEqual([]);
  });
});

describe('bookmark input', () => {
  const issue = (url: string) => {
    const result = BookmarkInputSchema.safeParse({ label: 'Courier Login', url });
    return result.success ? undefined : result.error.issues[0]?.message;
  };

  it('accepts an https URL', () => {
    expect(issue('https://app.courier.example/login')).toBeUndefined();
  });

  it('refuses http, a non-URL and embedded credentials, saying what a valid value looks like', () => {
    expect([
      issue('http://app.courier.example'),
      issue('courier login'),
      issue('https://me:pw@app.courier.example'),
    ]).toEqual([
      '"http://app.courier.example" must start with https://; enter the Bookmark URL from the vendor, e.g. https://app.courier.com/login',
      '"courier login" is not a URL; enter the Bookmark URL from the vendor, e.g. https://app.courier.com/login',
      '"https://me:pw@app.courier.example" must not carry a user name or password; enter the Bookmark URL from the vendor, e.g. https://app.courier.com/login',
    ]);
  });
});

describe("bookmark app against Okta's contract", () => {
  it('is a valid create-app body', () => {
    expect(validateRequest('POST', 'https://acme.okta.com/api/v1/apps?activate=true', bookmarkAppInput(input))).toEqual(
      [],
    );
  });
});
