import { describe, expect, it } from 'vitest';
import { OktaApiError } from '../../../src-main/sandbox/errors';
import { parseExpression } from '../../../src-main/sandbox/filter';

const ann = {
  id: '00u1',
  status: 'ACTIVE',
  profile: { login: 'ann@acme.example', email: 'Ann@Acme.example', department: 'Support' },
};
const bob = { id: '00u2', status: 'STAGED', profile: { login: 'bob@gmail.com', email: 'bob@gmail.com' } };
const allowed = ['id', 'status', 'profile.*'];

function matching(expression: string): string[] {
  const matches = parseExpression(expression, allowed);
  return [ann, bob].filter((u) => matches(u)).map((u) => u.id);
}

describe('Okta filter and search expressions', () => {
  it.each([
    ['status eq "ACTIVE"', ['00u1']],
    ['profile.email eq "ann@acme.example"', ['00u1']],
    ['profile.email sw "BOB"', ['00u2']],
    ['profile.login co "@gmail"', ['00u2']],
    ['status ne "ACTIVE"', ['00u2']],
    ['profile.department pr', ['00u1']],
    ['status eq "ACTIVE" or profile.email sw "bob"', ['00u1', '00u2']],
    ['status eq "ACTIVE" and profile.email sw "bob"', []],
    ['profile.login eq "x and y"', []],
  ])('%s', (expression, ids) => {
    expect(matching(expression)).toEqual(ids);
  });

  it('answers an unsupported operator or attribute with E0000031', () => {
    for (const expression of ['status gt "A"', 'created eq "2026"', 'status eq ACTIVE']) {
      const error = (() => {
        try {
          parseExpression(expression, allowed);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(OktaApiError);
      expect((error as OktaApiError).body?.errorCode).toBe('E0000031');
    }
  });
});
