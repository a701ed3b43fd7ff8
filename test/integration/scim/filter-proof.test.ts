import { describe, expect, it } from 'vitest';
import { CheckName, runScimPreflight, type PreflightReport } from '../../../src-main/scim/preflight';
import { scimServerPool } from '../../support/scim-server-pool';

const TOKEN = 'vendor-scim-token-filter';
const { good } = scimServerPool(TOKEN);

function check(report: PreflightReport, name: string) {
  const found = report.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

const FIX =
  'The vendor must fix its SCIM server: evaluate filter=userName eq "…" as exact equality of the whole userName, ignoring case (RFC 7643 defines userName with caseExact false), and answer totalResults 0 when nobody matches.';

describe('the SCIM check proves that the userName filter tells users apart (scimmy on 127.0.0.1)', () => {
  it('passes a server that filters as RFC 7644 says, with one lookup for a name nobody has and one in capitals', async () => {
    const server = await good('standard');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    const { userName, id } = report.testUser;
    expect(check(report, CheckName.filterDiscriminates)).toMatchObject({
      status: 'pass',
      detail: `userName eq "${userName.slice(0, -1)}" (nobody has it) returned 0 users while the test user exists, and userName eq "${userName.toUpperCase()}" found the test user (id ${id ?? ''}): the filter tells users apart and ignores case, as Okta's lookup before every create needs.`,
    });
    expect(check(report, CheckName.filterDiscriminates).exchanges.map((e) => e.responseBody)).toEqual([
      expect.objectContaining({ totalResults: 0 }),
      expect.objectContaining({ totalResults: 1, Resources: [expect.objectContaining({ id, userName })] }),
    ]);
  });

  it('fails a server that ignores the filter although it holds only the test user, and names the filter as the problem', async () => {
    const server = await good('ignored');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    const { userName } = report.testUser;
    // With nobody else on the server the two lookups Okta itself makes cannot tell.
    expect(check(report, CheckName.lookupBeforeCreate).status).toBe('pass');
    expect(check(report, CheckName.lookupFindsUser).status).toBe('pass');
    expect(check(report, CheckName.filterDiscriminates)).toMatchObject({
      status: 'fail',
      detail: `Filter problem: asked for userName eq "${userName.slice(0, -1)}" and got 1 user(s) (${userName}) although nobody has that name; the test user ${userName} was among them. The vendor ignores the filter or does not evaluate eq as exact equality. Okta looks up every newly assigned person this way before creating them and links them to the first user in the answer, overwriting that vendor account with a PUT instead of creating the person's own. ${FIX}`,
    });
    expect(report.testUser.leftActive).toBe(false);
    expect(server.users()).toEqual([]);
  });

  it('fails a server whose filter compares userName case-sensitively', async () => {
    const server = await good('case-sensitive');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    const { userName } = report.testUser;
    expect(check(report, CheckName.lookupFindsUser).status).toBe('pass');
    expect(check(report, CheckName.filterDiscriminates)).toMatchObject({
      status: 'fail',
      detail: `Filter problem: userName eq "${userName.toUpperCase()}" found nobody, although the test user ${userName} exists: the vendor compares userName case-sensitively. Okta's SCIM spec test looks the new user up in capitals for this reason. Okta would not find a person whose username differs from the vendor's only in case; it would try to create them again, which the vendor refuses (409) or turns into a duplicate account. ${FIX}`,
    });
    expect(server.users()).toEqual([]);
  });

  it('tries lower case when the test user name is already in capitals', async () => {
    const server = await good('case-sensitive');
    const report = await runScimPreflight({
      baseUrl: server.baseUrl,
      token: TOKEN,
      testUserName: 'OKTA-CHECK@CUSTOMER.EXAMPLE',
    });
    expect(check(report, CheckName.filterDiscriminates)).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^Filter problem: userName eq "okta-check@customer\.example" found nobody/),
    });
  });
});
