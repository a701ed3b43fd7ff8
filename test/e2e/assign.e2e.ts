import { expect, test } from './fixtures';
import { courierAppThroughChannels } from './support/courier-app';
import { bridge, sandbox } from './support/walk';
import { AssignStepPage } from './pages/assign-step';
import { BookmarkStepPage } from './pages/bookmark-step';
import { RoleStepPage } from './pages/role-step';

test('Courier: role attribute with group roles, bookmark on the same groups, and assignments with roles', async ({
  page,
  browserMode,
}) => {
  const wizard = await courierAppThroughChannels(page, browserMode);
  const [integration] = await bridge<Array<{ id: string }>>(browserMode, 'integrations.list', {});

  await wizard.rail().locator('[data-step="role"]').click();
  await wizard.waitForCurrent('Role attribute');
  const role = new RoleStepPage(page);
  await wizard.button('Check Okta').click();
  await expect(role.inOkta('externalNamespace')).toHaveText('not created yet');
  await role.mapGroup('eng', 'Engineering', 'DEVELOPER');
  await role.saveGroupRoles();
  await expect(wizard.changes()).toContainText('Assign the group "Engineering" to the app with role DEVELOPER');
  await browserMode.screenshot(page, 'assign-01-role-planned');
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('role')).toHaveAttribute('data-status', 'verified');
  await expect(role.inOkta('externalNamespace')).toHaveText('urn:ietf:params:scim:schemas:core:2.0:User');
  await expect(role.inOkta('oneOf')).toHaveText(
    'Admin = ADMINISTRATOR, Manager = MANAGER, Developer = DEVELOPER, Designer = DESIGNER, Support = SUPPORT_SPECIALIST, Analyst = ANALYST',
  );
  await expect(role.groupRow('Engineering')).toContainText('DEVELOPER');
  await browserMode.screenshot(page, 'assign-02-role-verified');

  await wizard.rail().locator('[data-step="bookmark"]').click();
  await wizard.waitForCurrent('Bookmark app');
  const bookmark = new BookmarkStepPage(page);
  await bookmark.fill('http://login.courier.example');
  await expect(bookmark.urlError()).toContainText('must start with https://');
  await bookmark.fill('https://login.courier.example/okta');
  await expect(bookmark.state()).toHaveAttribute('data-bookmark-state', 'absent');
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('bookmark')).toHaveAttribute('data-status', 'verified');
  await expect(bookmark.oktaValue('URL')).toHaveText('https://login.courier.example/okta');
  await expect(bookmark.groupRow('Engineering')).toContainText('yes');
  await browserMode.screenshot(page, 'assign-03-bookmark-verified');

  await wizard.rail().locator('[data-step="assign"]').click();
  await wizard.waitForCurrent('Assign users');
  const assign = new AssignStepPage(page);
  await wizard.button('Check Okta').click();
  await assign.addGroup('sup', 'Support', 'SUPPORT_SPECIALIST');
  await assign.addPerson('alex', 'Alex Admin', 'ADMINISTRATOR');
  const support = await sandbox<Array<{ id: string }>>(browserMode, 'GET', '/api/v1/groups?q=Support');
  const members = await sandbox<Array<{ id: string }>>(browserMode, 'GET', `/api/v1/groups/${support[0]!.id}/users`);
  await expect(assign.preview()).toHaveAttribute('data-preview-people', String(members.length + 1));
  await assign.save();
  await expect(wizard.changes()).toContainText('Assign Alex Admin directly with role ADMINISTRATOR');
  await browserMode.screenshot(page, 'assign-04-assign-planned');
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('assign')).toHaveAttribute('data-status', 'verified');
  await expect(wizard.check('groups-assigned')).toHaveClass(/check-pass/);
  await expect(wizard.check('users-assigned')).toHaveClass(/check-pass/);
  await expect(assign.chosen('Alex Admin')).toContainText('direct, ADMINISTRATOR');
  await browserMode.screenshot(page, 'assign-05-assign-verified');

  const appUsers = await sandbox<Array<{ id: string; scope: string; profile: { role?: string } }>>(
    browserMode,
    'GET',
    `/api/v1/apps/${(await bridge<{ facts: { appId: string } }>(browserMode, 'integrations.get', { integrationId: integration!.id })).facts.appId}/users?limit=200`,
  );
  expect(appUsers.filter((u) => u.scope === 'USER').map((u) => u.profile.role)).toEqual(['ADMINISTRATOR']);
});

test('Courier › Assign: groups assigned through the role mapping are shown and counted, and the step passes on them', async ({
  page,
  browserMode,
}) => {
  const wizard = await courierAppThroughChannels(page, browserMode);

  // Four groups reach the app through the role step's mapping, none through Assign.
  const mapped = [
    ['eng', 'Engineering', 'DEVELOPER'],
    ['sup', 'Support', 'SUPPORT_SPECIALIST'],
    ['des', 'Designers', 'DESIGNER'],
    ['ana', 'Analysts', 'ANALYST'],
  ] as const;
  await wizard.rail().locator('[data-step="role"]').click();
  await wizard.waitForCurrent('Role attribute');
  await wizard.button('Check Okta').click();
  const role = new RoleStepPage(page);
  for (const [query, group, value] of mapped) await role.mapGroup(query, group, value);
  await role.saveGroupRoles();
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('role')).toHaveAttribute('data-status', 'verified');

  const people = new Set<string>();
  for (const [, group] of mapped) {
    const [found] = await sandbox<Array<{ id: string }>>(browserMode, 'GET', `/api/v1/groups?q=${group}`);
    for (const u of await sandbox<Array<{ id: string }>>(browserMode, 'GET', `/api/v1/groups/${found!.id}/users`))
      people.add(u.id);
  }
  const n = people.size;
  expect(n).toBeGreaterThan(20);

  await wizard.rail().locator('[data-step="assign"]').click();
  await wizard.waitForCurrent('Assign users');
  await wizard.button('Check Okta').click();
  const assign = new AssignStepPage(page);
  const appHas = assign.root().locator('.app-has');
  await expect(appHas).toHaveText(
    `In Okta now: ${n} people (0 directly, ${n} through groups); 4 groups: Engineering (DEVELOPER), Support (SUPPORT_SPECIALIST), Designers (DESIGNER), Analysts (ANALYST).`,
  );
  await expect(appHas).toHaveAttribute('data-app-has-people', String(n));
  await expect(appHas).toHaveAttribute('data-app-has-groups', '4');
  await expect(wizard.stepStatus('assign')).toHaveAttribute('data-status', 'verified');
  await expect(wizard.check('assignments')).toHaveClass(/check-pass/);
  await expect(wizard.check('assignments')).toContainText('The app is assigned');
  await expect(wizard.check('assignments')).toContainText(
    `The app has 4 groups and ${n} people (0 directly, ${n} through groups), assigned outside this step (the role step or the Admin Console). Pick more above to add to them.`,
  );
  await expect(assign.root()).not.toContainText('0 people (');
  await browserMode.screenshot(page, 'assign-06-group-assigned-counted');
});
