import { describe, expect, it } from 'vitest';
import { paginate } from '../../../src-main/sandbox/pagination';

const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const limits = { defaultLimit: 2, maxLimit: 3 };

function page(query: string) {
  return paginate(items, (i) => i.id, new URL(`http://127.0.0.1:9/api/v1/things${query}`), limits);
}

describe('cursor pagination', () => {
  it('answers the first page with self and next links', () => {
    const first = page('');
    expect(first.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(first.link).toBe(
      '<http://127.0.0.1:9/api/v1/things>; rel="self", <http://127.0.0.1:9/api/v1/things?after=b&limit=2>; rel="next"',
    );
  });

  it('continues after the cursor and stops the next link on the last page', () => {
    expect(page('?after=b&limit=2').items.map((i) => i.id)).toEqual(['c', 'd']);
    const last = page('?after=d&limit=2');
    expect(last.items.map((i) => i.id)).toEqual(['e']);
    expect(last.link).not.toContain('rel="next"');
  });

  it('clamps the limit to the maximum and falls back to the default below 1', () => {
    expect(page('?limit=50').items).toHaveLength(3);
    expect(page('?limit=0').items).toHaveLength(2);
  });

  it('answers an unknown cursor with an empty page', () => {
    expect(page('?after=zzz').items).toEqual([]);
  });
});
