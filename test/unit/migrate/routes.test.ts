import { describe, expect, it } from 'vitest';
import { chooseRoute, estimateRoutes, formatMinutes } from '../../../src-main/migrate/routes';

// Enterprise limits with the default 50% token share, as Okta's "Management rate limits" page lists them.
const enterpriseHalf = { apps: 50, membership: 300, groups: 300, users: 300 };

describe('migration route estimates', () => {
  it('10,000 people: direct takes 200 min at 50/min, the group route 33.4 min at 300/min', () => {
    const routes = estimateRoutes({ people: 10_000, create: 0, groupsToCreate: 3, groupsToAssign: 3 }, enterpriseHalf);
    expect(routes.direct.minutes).toBe(200);
    expect(routes.direct.calls).toBe(10_000);
    expect(routes.group.calls).toBe(10_006);
    expect(routes.group.minutes).toBeCloseTo(10_000 / 300 + 3 / 300 + 3 / 50, 6);
    expect(chooseRoute('auto', routes)).toEqual({
      route: 'group',
      why: 'The group route finishes sooner (direct 3 h 20 min, group 33.4 min).',
    });
  });

  it('a handful of people: three groups to create and assign cost more than assigning directly', () => {
    const routes = estimateRoutes({ people: 2, create: 0, groupsToCreate: 3, groupsToAssign: 3 }, enterpriseHalf);
    expect(routes.direct.minutes).toBeCloseTo(2 / 50, 9);
    expect(routes.group.minutes).toBeCloseTo(2 / 300 + 3 / 300 + 3 / 50, 9);
    expect(chooseRoute('auto', routes).route).toBe('direct');
  });

  it('adds the time to create users to both routes', () => {
    const routes = estimateRoutes({ people: 600, create: 300, groupsToCreate: 0, groupsToAssign: 0 }, enterpriseHalf);
    expect([routes.direct.minutes, routes.group.minutes]).toEqual([1 + 12, 1 + 2]);
  });

  it('never assumes a limit: an unread bucket leaves the estimate unknown and auto keeps the direct route', () => {
    const routes = estimateRoutes(
      { people: 100, create: 0, groupsToCreate: 1, groupsToAssign: 1 },
      { apps: 50, membership: undefined, groups: 300, users: 300 },
    );
    expect(routes.group.minutes).toBeNull();
    expect(routes.group.limits.find((l) => l.bucket.startsWith('PUT /api/v1/groups'))?.perMinute).toBeNull();
    expect(chooseRoute('auto', routes)).toEqual({
      route: 'direct',
      why: 'A limit could not be read, so the route with one call per person is kept (direct 2 min, group unknown (limit not read)).',
    });
  });

  it("keeps the admin's route and says what the other would take", () => {
    const routes = estimateRoutes({ people: 1000, create: 0, groupsToCreate: 0, groupsToAssign: 0 }, enterpriseHalf);
    expect(chooseRoute('direct', routes)).toEqual({
      route: 'direct',
      why: 'Chosen by the admin (direct 20 min, group 3.3 min).',
    });
  });

  it('formats seconds, minutes and hours', () => {
    expect([formatMinutes(0.004), formatMinutes(0.5), formatMinutes(33.36), formatMinutes(2000)]).toEqual([
      '1 s',
      '30 s',
      '33.4 min',
      '33 h 20 min',
    ]);
  });
});
