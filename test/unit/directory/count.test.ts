import { describe, expect, it } from 'vitest';
import { countPeople } from '../../../src-main/directory/count';

describe('preview counting', () => {
  it('counts each person once across groups and direct picks', () => {
    const engineering = new Set(['u1', 'u2', 'u3']);
    const managers = new Set(['u3', 'u4']);
    expect(countPeople([engineering, managers], ['u4', 'u5'])).toEqual({
      people: 5,
      fromGroups: 4,
      direct: 2,
      duplicates: 2,
    });
  });

  it('counts a user picked twice once', () => {
    expect(countPeople([], ['u1', 'u1'])).toEqual({ people: 1, fromGroups: 0, direct: 1, duplicates: 0 });
  });

  it('is zero for nothing chosen', () => {
    expect(countPeople([], [])).toEqual({ people: 0, fromGroups: 0, direct: 0, duplicates: 0 });
  });
});
