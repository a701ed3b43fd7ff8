import { describe, expect, it } from 'vitest';
import { checkExpression, closestName } from '../../../src-main/api/okta-expression';

const PROFILE = ['login', 'email', 'firstName', 'lastName', 'department', 'title'];

describe('checkExpression', () => {
  it('accepts a plain profile reference and says it can be predicted', () => {
    const report = checkExpression('user.email', PROFILE);
    expect(report).toEqual({
      references: [{ object: 'user', attribute: 'email' }],
      plainReference: { object: 'user', attribute: 'email' },
    });
  });

  it('warns about a user attribute the org profile lacks, naming the likely one', () => {
    expect(checkExpression('user.fristName', PROFILE).warning).toBe(
      "user.fristName is not an attribute of this org's Okta user profile, so Okta sends nothing for it; did you mean user.firstName?",
    );
  });

  it('points at the Profile Editor when nothing is close', () => {
    expect(checkExpression('user.costCentre99', PROFILE).warning).toMatch(/Check People > Profile Editor/);
  });

  it('does not judge user attributes when the schema is unknown', () => {
    expect(checkExpression('user.fristName').warning).toBeUndefined();
    expect(checkExpression('user.fristName').error).toBeUndefined();
  });

  it("accepts Okta's functions, concatenation, the ternary and group functions", () => {
    for (const expression of [
      'String.toLowerCase(user.email)',
      'user.firstName + " " + user.lastName',
      'String.substringBefore(user.login, "@")',
      'isMemberOfGroupName("Admins") ? "admin" : "user"',
      'Arrays.contains(user.title, "x")',
      'getManagerUser("active_directory").firstName',
      '${user.email}',
      'user.id',
      'appuser.role',
    ]) {
      const report = checkExpression(expression, PROFILE);
      expect({ expression, error: report.error, warning: report.warning }).toEqual({
        expression,
        error: undefined,
        warning: undefined,
      });
    }
  });

  it('refuses a function Okta does not have, suggesting the real one', () => {
    expect(checkExpression('String.toLower(user.email)', PROFILE).error).toBe(
      '"String.toLower" is not an Okta function; did you mean String.toLowerCase?',
    );
  });

  it('refuses broken syntax with the reason in words', () => {
    expect(checkExpression('String.toLowerCase(user.email', PROFILE).error).toBe(
      'Not a valid Okta expression: a "(" is never closed.',
    );
    expect(checkExpression('user.firstName user.lastName', PROFILE).error).toBe(
      'Not a valid Okta expression: something is missing between "user.firstName" and "user.lastName" (join text with +).',
    );
    expect(checkExpression('user.email = "x"', PROFILE).error).toBe(
      'Not a valid Okta expression: a single "=" assigns, which Okta does not allow; compare with "==".',
    );
    expect(checkExpression('"open', PROFILE).error).toMatch(/has no closing "/);
    expect(checkExpression('user.email +', PROFILE).error).toBe(
      'Not a valid Okta expression: the expression ends with "+".',
    );
    expect(checkExpression('  ', PROFILE).error).toBe('Enter an Okta expression, e.g. user.email');
  });

  it('warns when a root is not user/appuser: it reads another app by name', () => {
    expect(checkExpression('usr.email', PROFILE).warning).toBe(
      '"usr.email" reads the profile of an app named "usr"; for the Okta profile write user.email',
    );
  });
});

describe('closestName', () => {
  it('counts swapped letters as one edit and gives up when nothing is near', () => {
    expect(closestName('fristName', PROFILE)).toBe('firstName');
    expect(closestName('emial', PROFILE)).toBe('email');
    expect(closestName('zzzzzz', PROFILE)).toBeUndefined();
  });
});

describe('a bare word', () => {
  it('is refused with the two things it could have meant', () => {
    expect(checkExpression('email').error).toBe(
      '"email" alone is not a value Okta knows; for a profile attribute write user.email, for text put it in quotes',
    );
  });
});
