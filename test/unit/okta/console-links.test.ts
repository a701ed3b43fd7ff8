import { describe, expect, it } from 'vitest';
import {
  addCatalogAppUrl,
  adminOrigin,
  appInstanceUrl,
  applicationsUrl,
  browseCatalogUrl,
  groupRulesUrl,
  groupUrl,
  profileEditorUrl,
  samlSetupInstructionsUrl,
} from '../../../src-main/okta/console-links';

describe('Admin Console deep links', () => {
  it.each([
    ['https://acme.okta.com', 'https://acme-admin.okta.com'],
    ['https://dev-385667.oktapreview.com', 'https://dev-385667-admin.oktapreview.com'],
    ['https://acme.okta-emea.com', 'https://acme-admin.okta-emea.com'],
    ['https://acme-admin.okta.com', 'https://acme-admin.okta.com'],
    ['https://login.acme.com', 'https://login.acme.com'],
    ['https://acme.notokta.com', 'https://acme.notokta.com'],
    ['http://127.0.0.1:41234', 'http://127.0.0.1:41234'],
  ])('the console of %s is on %s', (org, admin) => {
    expect(adminOrigin(org)).toBe(admin);
  });

  it('builds the app instance page with its tab hash on the admin host', () => {
    expect(appInstanceUrl('https://acme.okta.com', 'millie', '0oa1abc', 'signon')).toBe(
      'https://acme-admin.okta.com/admin/app/millie/instance/0oa1abc/#tab-signon',
    );
    expect(appInstanceUrl('https://acme.okta.com', 'acme_courier_1', '0oa2', 'user-management')).toBe(
      'https://acme-admin.okta.com/admin/app/acme_courier_1/instance/0oa2/#tab-user-management',
    );
    expect(appInstanceUrl('https://acme.okta.com', 'x', '0oa3', 'assignments')).toBe(
      'https://acme-admin.okta.com/admin/app/x/instance/0oa3/#tab-assignments',
    );
    expect(appInstanceUrl('https://acme.okta.com', 'x', '0oa3')).toBe(
      'https://acme-admin.okta.com/admin/app/x/instance/0oa3/',
    );
  });

  it('builds the catalog pages, the Profile Editor and group pages', () => {
    expect(addCatalogAppUrl('https://acme.okta.com', 'millie')).toBe(
      'https://acme-admin.okta.com/admin/app/millie/instance/_new_/',
    );
    expect(addCatalogAppUrl('http://127.0.0.1:5000', 'mixpanel')).toBe(
      'http://127.0.0.1:5000/admin/app/mixpanel/instance/_new_/',
    );
    expect(browseCatalogUrl('https://acme.okta.com')).toBe('https://acme-admin.okta.com/admin/apps/add-app');
    expect(applicationsUrl('https://acme.okta.com')).toBe('https://acme-admin.okta.com/admin/apps/active');
    expect(profileEditorUrl('https://acme.okta.com', '0oa1')).toBe(
      'https://acme-admin.okta.com/admin/universaldirectory#app/0oa1',
    );
    expect(groupUrl('https://acme.okta.com', '00g1')).toBe('https://acme-admin.okta.com/admin/group/00g1');
    expect(groupRulesUrl('https://acme.okta.com')).toBe('https://acme-admin.okta.com/admin/groups#rules');
    expect(samlSetupInstructionsUrl('https://acme.okta.com', 'millie', '0oa1')).toBe(
      'https://acme-admin.okta.com/app/millie/0oa1/setup/help/SAML_2_0/instructions',
    );
  });
});
