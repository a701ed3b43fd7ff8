import { checkExpression } from '../api/okta-expression';
import type { ExpressionFinding } from '../api/step-app';
import { AppError } from '../errors';
import type { OktaOrgApi } from '../okta/org-api';

/** The names of the org's Okta user profile attributes, or why they could not be read. */
export async function userProfileAttributes(okta: OktaOrgApi): Promise<string[] | { unreadable: string }> {
  try {
    const schema = await okta.getUserSchema();
    return [...Object.keys(schema.base), ...Object.keys(schema.custom)];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      unreadable: `The org's user profile could not be read (${error.message}), so expressions were checked for syntax only.`,
    };
  }
}

/** Statements Okta would accept but send nothing for, judged against the org's profile. */
export function expressionFindings(
  statements: readonly { name: string; value: string }[],
  attributes: readonly string[],
): ExpressionFinding[] {
  return statements.flatMap((s, index) => {
    const report = checkExpression(s.value, attributes);
    const message = report.error ?? report.warning;
    return message ? [{ index, name: s.name, value: s.value, message }] : [];
  });
}
