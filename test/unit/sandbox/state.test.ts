import { describe, expect, it } from 'vitest';
import type { AppRecord } from '../../../src-main/sandbox/model';
import { OrgState, type AssignmentEvent } from '../../../src-main/sandbox/state';

function org() {
  const state = new OrgState('acme', 'acme.example');
  const ann = state.addUser({
    login: 'ann@acme.example',
    email: 'ann.lee@acme.example',
    firstName: 'Ann',
    lastName: 'Lee',
  });
  const group = state.addGroup('Engineering', '');
  state.addGroupMember(group.id, ann.id);
  const app: AppRecord = {
    id: '0oaapp',
    name: 'acme_x_1',
    label: 'X',
    status: 'ACTIVE',
    signOnMode: 'SAML_2_0',
    created: '',
    lastUpdated: '',
    features: [],
    entityKey: 'exk',
    appLinkId: 'aln',
    signingKeys: [],
    csrs: [],
    body: { credentials: { userNameTemplate: { template: '${source.email}' } } },
  };
  state.putApp(app);
  const events: string[] = [];
  state.assignments.onAssignmentChanged((e: AssignmentEvent) =>
    events.push(`${e.change}:${e.appUser.direct ? 'USER' : 'GROUP'}`),
  );
  return { state, ann, group, app, events };
}

describe('org state assignments', () => {
  it('derives the userName from the app username template', () => {
    const { state, ann, app } = org();
    expect(state.assignments.assignUser(app.id, ann.id, {}).credentials.userName).toBe('ann.lee@acme.example');
  });

  it('turns a group-derived app user into a direct one and back, with events in order', () => {
    const { state, ann, group, app, events } = org();
    state.assignments.assignGroup(app.id, group.id, { role: 'ANALYST' });
    state.assignments.assignUser(app.id, ann.id, { role: 'ADMIN' });
    state.assignments.unassignUser(app.id, ann.id);
    state.assignments.unassignGroup(app.id, group.id);
    expect(events).toEqual(['assigned:GROUP', 'updated:USER', 'updated:GROUP', 'unassigned:GROUP']);
    expect(state.assignments.getAppUser(app.id, ann.id)).toBeUndefined();
  });

  it('numbers group priorities in assignment order unless given', () => {
    const { state, app } = org();
    const a = state.addGroup('A', '');
    const b = state.addGroup('B', '');
    const c = state.addGroup('C', '');
    state.assignments.assignGroup(app.id, a.id, {});
    state.assignments.assignGroup(app.id, b.id, {}, 7);
    state.assignments.assignGroup(app.id, c.id, {});
    expect(
      state.assignments.listAppGroups(app.id).map((g) => [g.id === a.id ? 'A' : g.id === b.id ? 'B' : 'C', g.priority]),
    ).toEqual([
      ['A', 0],
      ['B', 7],
      ['C', 8],
    ]);
  });

  it('emits unassigned for every app user when the app is deleted', () => {
    const { state, ann, app, events } = org();
    state.assignments.assignUser(app.id, ann.id, {});
    state.deleteApp(app.id);
    expect(events).toEqual(['assigned:USER', 'unassigned:USER']);
    expect(state.assignments.listAppUsers(app.id)).toEqual([]);
  });
});
