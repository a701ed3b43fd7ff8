import { describe, expect, it } from 'vitest';
import { rankField, SearchIndex } from '../../../src-main/directory/search-index';

const people = [
  { id: '1', label: 'Ava Adams', fields: ['Ava Adams', 'ava.adams@acme.example'] },
  { id: '2', label: 'Nova Avalon', fields: ['Nova Avalon', 'nova@acme.example'] },
  { id: '3', label: 'Java Team Bot', fields: ['Java Team Bot', 'bot@acme.example'] },
  { id: '4', label: 'Ava', fields: ['Ava', 'ava@acme.example'] },
  { id: '5', label: 'Ben Chen', fields: ['Ben Chen', 'ben.chen@acme.example'] },
];

describe('search ranking', () => {
  it('ranks a whole field, then the start of a field, then the start of a word, then anywhere', () => {
    expect([
      rankField('ava', 'ava'),
      rankField('ava adams', 'ava'),
      rankField('nova avalon', 'ava'),
      rankField('java team bot', 'ava'),
      rankField('ben', 'ava'),
    ]).toEqual([0, 1, 2, 3, undefined]);
  });

  it('treats dots, @, dashes and underscores as word starts', () => {
    expect([
      rankField('x.adams@acme', 'adams'),
      rankField('x@acme', 'acme'),
      rankField('a-b', 'b'),
      rankField('a_b', 'b'),
    ]).toEqual([2, 2, 2, 2]);
  });

  it('orders results by rank, then alphabetically, and counts every match', () => {
    const index = new SearchIndex();
    index.add(people);
    const found = index.search('Ava', 10);
    expect(found.items.map((e) => e.label)).toEqual(['Ava', 'Ava Adams', 'Nova Avalon', 'Java Team Bot']);
    expect(found.matched).toBe(4);
  });

  it('matches logins and emails, ignoring case and surrounding spaces', () => {
    const index = new SearchIndex();
    index.add(people);
    expect(index.search('  BEN.CHEN@ ', 10).items.map((e) => e.id)).toEqual(['5']);
  });

  it('keeps to the limit while still counting all matches', () => {
    const index = new SearchIndex();
    index.add(people);
    expect([index.search('a', 2).items.map((e) => e.label), index.search('a', 2).matched]).toEqual([
      ['Ava', 'Ava Adams'],
      5,
    ]);
  });

  it('lists everyone alphabetically for an empty query', () => {
    const index = new SearchIndex();
    index.add(people.slice(0, 3));
    index.add(people.slice(3));
    expect(index.search('', 3).items.map((e) => e.label)).toEqual(['Ava', 'Ava Adams', 'Ben Chen']);
  });

  it('replaces an entry added again under the same id', () => {
    const index = new SearchIndex();
    index.add(people);
    index.add([{ id: '5', label: 'Benjamin Chen', fields: ['Benjamin Chen'] }]);
    expect([index.size, index.search('benj', 5).items.map((e) => e.label)]).toEqual([5, ['Benjamin Chen']]);
  });
});
