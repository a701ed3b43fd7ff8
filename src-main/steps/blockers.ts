import type { IntegrationFacts } from '../api/model';
import type { StepView } from '../api/steps';
import type { VendorProfile } from '../vendors/profile';
import type { AnyStep } from './step';

type Blocker = StepView['blockers'][number];

/** Earlier steps whose facts this step needs and that have not produced them yet. */
export function missingFacts(step: AnyStep, facts: IntegrationFacts, profile: VendorProfile): Blocker[] {
  return (step.needs ?? [])
    .filter((need) => facts[need.fact] === undefined)
    .map((need) => {
      const title = profile.steps.find((s) => s.id === need.step)?.title ?? need.step;
      return { message: need.why, hint: `Finish the "${title}" step first.`, stepId: need.step };
    });
}

/** The words the screens use for each input field, so a blocker never shows an internal name. */
const FIELD_LABELS: Record<string, string> = {
  companySlug: 'Company slug',
  label: 'App label',
  mode: 'How to add the app',
  ssoAcsUrl: 'Single Sign-On URL',
  audience: 'Audience URI (SP Entity ID)',
  nameIdFormat: 'Name ID format',
  attributeStatements: 'Attribute statements',
  groupStatements: 'Group attribute statements',
  userLogin: 'Test user',
  modes: 'Sign-in modes',
  baseUrl: 'SCIM base URL',
  token: 'SCIM token',
  testUserName: 'Test userName',
  testUser: 'Test user',
  testRole: 'Test role',
  waitSeconds: 'Wait',
  url: 'URL',
  values: 'Role values',
  domains: 'Email domains',
  channel: 'How to send',
  companyName: 'Company name',
  supportEmail: 'Support email',
  apiEndpoint: 'API endpoint',
  groups: 'Groups',
  users: 'People',
};

/** "Attribute statements, row 2, value" for `attributeStatements.1.value`. */
export function fieldLabel(field: string): string {
  const [head = '', ...rest] = field.split('.');
  const parts = [FIELD_LABELS[head] ?? head];
  for (const part of rest) parts.push(/^\d+$/.test(part) ? `row ${Number(part) + 1}` : (FIELD_LABELS[part] ?? part));
  return parts.join(', ');
}

/**
 * A field that was never entered says "expected string, received undefined"; the schema's own
 * words for an empty value ("Enter the Single Sign-On URL from the vendor…") say what to do.
 */
function messageFor(step: AnyStep, raw: Record<string, unknown>, path: PropertyKey[], message: string): string {
  if (path.length !== 1 || raw[String(path[0])] !== undefined) return message;
  const retry = step.input.safeParse({ ...raw, [String(path[0])]: '' });
  const own = retry.success ? undefined : retry.error.issues.find((i) => i.path.join('.') === String(path[0]));
  return own?.message ?? `Fill in ${fieldLabel(String(path[0]))}.`;
}

/** What the admin still has to enter, one blocker per field at fault, named in the screen's words. */
export function inputBlockers(step: AnyStep, raw: Record<string, unknown>): Blocker[] {
  const parsed = step.input.safeParse(raw);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const message = messageFor(step, raw, issue.path, issue.message);
    return field
      ? { message, hint: 'Fill this in above and save.', field, label: fieldLabel(field) }
      : { message, hint: 'Fill this in above and save.' };
  });
}
