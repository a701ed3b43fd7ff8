import type { Integration, IntegrationFacts } from '../api/model';
import { TestLoginObservedSchema } from '../api/step-test-login';
import { RegisterInputSchema, type RegisterInput, type RegisterObserved } from '../api/step-register';
import type { Change, Check } from '../api/steps';
import { AppError } from '../errors';
import type { VendorProfile } from '../vendors/profile';
import { defineStep } from './step';
import { allowedChannels, effectiveChannel, registrationPayload, registrationValues } from './register-message';

const REPLY_LIMIT = 500;

function target(observed: RegisterObserved, input: RegisterInput): string {
  switch (observed.channel) {
    case 'email':
      return `${observed.vendor} support (email to ${observed.to ?? 'support'})`;
    case 'paste':
      return `${observed.where ?? `${observed.vendor} settings`} (paste)`;
    case 'api':
      return `${observed.vendor} registration API (${input.apiEndpoint ?? ''})`;
  }
}

/** Pure: send until the current values were sent; then wait for the vendor until it is confirmed. */
export function registerPlan(input: RegisterInput, observed: RegisterObserved): Change[] {
  if (!observed.sent || observed.changedSinceSent.length > 0) {
    const changed = new Set(observed.changedSinceSent);
    return [
      {
        id: 'register-send',
        kind: 'send',
        target: target(observed, input),
        summary: observed.sent
          ? `Send ${observed.vendor} the values again: ${observed.changedSinceSent.join(', ')} changed since ${observed.sent.at}.`
          : observed.channel === 'paste'
            ? `Paste ${observed.values.length} values into ${observed.where ?? observed.vendor}, then mark them as copied.`
            : observed.channel === 'api'
              ? `POST ${observed.values.length} values to ${observed.vendor}'s registration API.`
              : `Email ${observed.values.map((v) => v.label).join(', ')} to ${observed.vendor} support, then mark it as sent.`,
        details: observed.values
          .filter((v) => !observed.sent || changed.has(v.label))
          .map((v) => ({
            field: v.label,
            ...(observed.sent?.values[v.key] ? { from: observed.sent.values[v.key] } : {}),
            to: v.value,
          })),
      },
    ];
  }
  if (!observed.confirmedAt) {
    return [
      {
        id: 'register-confirm',
        kind: 'manual',
        target: `${observed.vendor} (its answer)`,
        summary: `Wait for ${observed.vendor} to confirm, then mark it confirmed. ${observed.afterwards}`,
        details: [{ field: 'Sent', to: `${observed.sent.at} (${observed.sent.via})` }],
      },
    ];
  }
  if (observed.vendorSide.provenAt) return [];
  return [
    observed.vendorSide.checkable
      ? {
          id: 'register-prove',
          kind: 'manual',
          target: `${observed.vendor} (its SSO settings)`,
          summary: `Prove ${observed.vendor} has the values: in the "Test login" step, sign in SP-initiated through ${observed.vendor}'s login page (the sign-in window), then check this step again.`,
          details: [{ field: 'Reported by you', to: `confirmed ${observed.confirmedAt}` }],
        }
      : {
          id: 'register-unprovable',
          kind: 'manual',
          target: `${observed.vendor} (its SSO settings)`,
          summary: `The app cannot check ${observed.vendor}'s side: ${observed.vendor} has no SP-initiated login the app can start. It stays reported by you.`,
          details: [{ field: 'Reported by you', to: `confirmed ${observed.confirmedAt}` }],
        },
  ];
}

const SELF_REPORTED = 'Reported by you, not checked';

/**
 * Pure: what the record of sending shows, each with its time. The admin's marks are labelled as
 * reported, never as read back; only a passing SP-initiated login through the vendor proves its side.
 */
export function registerChecks(observed: RegisterObserved): Check[] {
  const sent = observed.sent;
  const posted = sent?.via === 'api';
  const checks: Check[] = [
    {
      id: 'register-values',
      label: `Values ${observed.vendor} asks for`,
      status: 'pass',
      detail: `${observed.values.length} value${observed.values.length === 1 ? '' : 's'}: ${observed.values.map((v) => v.label).join(', ')}.`,
      evidence: observed.values.map((v) => `${v.label}:\n${v.value}`).join('\n\n'),
    },
    {
      id: 'register-sent',
      label: posted ? `Sent to ${observed.vendor}` : `Sent to ${observed.vendor} · ${SELF_REPORTED}`,
      status: posted && observed.changedSinceSent.length === 0 ? 'pass' : 'warn',
      detail: !sent
        ? 'Not sent yet.'
        : observed.changedSinceSent.length > 0
          ? `${posted ? 'Posted' : 'Reported by you: sent'} ${sent.at} via ${sent.via}, but ${observed.changedSinceSent.join(', ')} changed since: send again.`
          : posted
            ? `Posted by the app ${sent.at}; ${observed.vendor}'s API accepted it.`
            : `Reported by you: sent ${sent.at} via ${sent.via}.`,
      ...(sent?.reply ? { evidence: sent.reply } : {}),
    },
    {
      id: 'register-confirmed',
      label: `${observed.vendor} confirmed · ${SELF_REPORTED}`,
      status: 'warn',
      detail: observed.confirmedAt
        ? `Reported by you: confirmed ${observed.confirmedAt}.`
        : `Waiting for ${observed.vendor}: ${observed.afterwards}`,
    },
  ];
  checks.push({
    id: 'register-vendor-side',
    label: `${observed.vendor} has the values (SP-initiated test login through ${observed.vendor})`,
    status: observed.vendorSide.provenAt ? 'pass' : 'warn',
    detail: observed.vendorSide.provenAt
      ? `Proven: an SP-initiated test login through ${observed.vendor} passed ${observed.vendorSide.provenAt}.`
      : observed.vendorSide.checkable
        ? `Not proven yet: sign in SP-initiated through ${observed.vendor}'s login page ("Test login" step, sign-in window) after sending the values.`
        : `Cannot be checked: ${observed.vendor} has no SP-initiated login the app can start; ${observed.vendor}'s side stays reported by you.`,
  });
  return checks;
}

/**
 * When an SP-initiated login through the vendor last passed after the current values were sent:
 * one the sign-in window started at the vendor's own login page (`via: 'window'`). A login the app
 * started with its own AuthnRequest (the password sign-in, a pasted response) never reached the vendor.
 */
export function vendorProvenAt(
  profile: VendorProfile,
  testLoginObserved: unknown,
  sentAt: string | undefined,
): string | undefined {
  if (!profile.login.spInitiatedUrl || !sentAt) return undefined;
  const parsed = TestLoginObservedSchema.safeParse(testLoginObserved);
  const sp = parsed.success ? parsed.data.results.sp : undefined;
  if (!sp?.valid || sp.via !== 'window' || Date.parse(sp.capturedAt) < Date.parse(sentAt)) return undefined;
  return sp.capturedAt;
}

function observedFor(
  profile: VendorProfile,
  ctx: { facts: IntegrationFacts; input: RegisterInput; integration: Integration },
): RegisterObserved {
  const values = registrationValues(profile, ctx.facts, ctx.input);
  const sent = ctx.facts.registration;
  const changedSinceSent = sent ? values.filter((v) => sent.values[v.key] !== v.value).map((v) => v.label) : [];
  const spec = profile.registration;
  const to = ctx.input.supportEmail ?? spec.to;
  const proven =
    changedSinceSent.length === 0
      ? vendorProvenAt(profile, ctx.integration.steps['test-login']?.observed, sent?.sentAt)
      : undefined;
  return {
    vendor: profile.name,
    channel: effectiveChannel(profile, ctx.input),
    channels: allowedChannels(profile),
    ...(to ? { to } : {}),
    ...(spec.where ? { where: spec.where } : {}),
    afterwards: spec.afterwards,
    values,
    ...(sent
      ? { sent: { via: sent.via, at: sent.sentAt, values: sent.values, ...(sent.reply ? { reply: sent.reply } : {}) } }
      : {}),
    changedSinceSent,
    ...(sent?.confirmedAt && changedSinceSent.length === 0 ? { confirmedAt: sent.confirmedAt } : {}),
    vendorSide: { checkable: profile.login.spInitiatedUrl !== undefined, ...(proven ? { provenAt: proven } : {}) },
  };
}

/** Registers the IdP with the vendor: exactly the values its guide asks for, by its channel. */
export const registerStep = defineStep<RegisterInput, RegisterObserved>({
  id: 'register',
  input: RegisterInputSchema,
  defaults: (profile) => ({
    channel: profile.registration.channel,
    ...(profile.registration.to ? { supportEmail: profile.registration.to } : {}),
  }),
  needs: [
    { step: 'metadata', fact: 'metadataUrl', why: "The vendor needs the app's Metadata URL." },
    { step: 'metadata', fact: 'idpIssuer', why: 'The vendor needs the Identity Provider Issuer.' },
    { step: 'metadata', fact: 'idpSsoUrl', why: 'The vendor needs the IdP Single Sign-On URL.' },
    { step: 'metadata', fact: 'certificatePem', why: 'The vendor needs the signing certificate.' },
  ],
  async inspect(ctx) {
    return observedFor(ctx.profile, ctx);
  },
  plan: (input, observed) => registerPlan(input, observed),
  async apply(ctx, changes, observed) {
    if (!changes.some((c) => c.kind === 'send')) return;
    if (observed.channel !== 'api') {
      throw new AppError(
        'REGISTER_SEND_BY_HAND',
        observed.channel === 'email'
          ? `The app cannot send email itself: ${observed.vendor} takes these values by email to ${observed.to ?? 'its support'}.`
          : `${observed.vendor} takes these values pasted into ${observed.where ?? 'its settings'}; the app cannot do that for you.`,
        observed.channel === 'email'
          ? 'Use "Open in mail app" or "Save .eml" above, send it, then press "Mark as sent".'
          : 'Copy each value above into the vendor\'s settings, then press "Mark as copied".',
      );
    }
    const endpoint = ctx.input.apiEndpoint ?? '';
    const payload = registrationPayload(ctx.profile, ctx.facts, observed.values);
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(payload),
        redirect: 'error',
      });
    } catch (error) {
      throw new AppError(
        'REGISTER_API_UNREACHABLE',
        `${endpoint} did not answer: ${error instanceof Error ? error.message : String(error)}.`,
        'Check the registration API URL and your network, then apply again.',
        'apiEndpoint',
      );
    }
    const reply = (await response.text()).slice(0, REPLY_LIMIT);
    if (!response.ok) {
      throw new AppError(
        'REGISTER_API_REFUSED',
        `${observed.vendor}'s registration API answered HTTP ${response.status}: ${reply || '(no body)'}`,
        'Correct what the vendor names, or ask the vendor; then apply again.',
        'apiEndpoint',
      );
    }
    ctx.learn({
      registration: {
        via: 'api',
        sentAt: ctx.now().toISOString(),
        values: Object.fromEntries(observed.values.map((v) => [v.key, v.value])),
        reply: `HTTP ${response.status} ${reply}`.trim(),
      },
    });
  },
  async verify(_ctx, observed) {
    return registerChecks(observed);
  },
});
