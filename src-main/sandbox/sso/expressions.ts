import type { AppUserRecord, UserRecord } from '../model';

/** What Okta expressions on a SAML app can see for one signed-in, assigned user. */
export interface ExpressionScope {
  user: UserRecord;
  appUser: AppUserRecord;
}

/**
 * Resolves the simple Okta Expression Language forms attribute statements and NameID templates
 * use: `user.<profile attribute>`, `user.id`, `user.userName` (the app username), `appuser.<app
 * profile attribute>` and `"literal"`, optionally wrapped as `${…}`. Anything else (functions,
 * operators) resolves to undefined, and Okta leaves such a value out.
 */
export function resolveExpression(expression: string, scope: ExpressionScope): string | undefined {
  const trimmed = expression.trim();
  const inner = /^\$\{(.*)\}$/s.exec(trimmed)?.[1]?.trim() ?? trimmed;
  const literal = /^"([^"]*)"$/.exec(inner) ?? /^'([^']*)'$/.exec(inner);
  if (literal) return literal[1];
  const match = /^(user|appuser|appUser)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(inner);
  if (!match) return undefined;
  const [, object, attribute] = match as unknown as [string, string, string];
  if (object === 'user') {
    if (attribute === 'id') return scope.user.id;
    if (attribute === 'userName') return scope.appUser.credentials.userName;
    return asText(scope.user.profile[attribute]);
  }
  return asText(scope.appUser.profile[attribute]);
}

/** A NameID template with `${…}` placeholders anywhere in it, e.g. `${user.firstName}.${user.lastName}`. */
export function resolveTemplate(template: string, scope: ExpressionScope): string {
  if (!template.includes('${')) return resolveExpression(template, scope) ?? '';
  return template.replace(/\$\{([^}]*)\}/g, (_whole, expr: string) => resolveExpression(expr, scope) ?? '');
}

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
