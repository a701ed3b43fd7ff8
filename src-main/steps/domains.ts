import { z } from 'zod';
import type { DomainCount, DomainsObserved } from '../api/step-domains';
import type { Check } from '../api/steps';
import { defineStep } from './step';
import { displayDomain, isConsumerMail, loginDomain, normalizeDomain } from './domain-rules';

const UNCOVERED_SAMPLE = 10;

/**
 * The vendor's consumer-mail policy travels with the input (from the profile, never from the
 * screen) so that a refused domain is a field error when it is saved, not a failure later.
 */
const DomainsStepInputSchema = z
  .object({
    domains: z.array(z.string()),
    consumerMail: z.enum(['refuse', 'flag']).default('flag'),
    consumerWhy: z.string().default(''),
  })
  .transform((value, ctx) => {
    const domains: string[] = [];
    value.domains.forEach((raw, index) => {
      const checked = normalizeDomain(raw);
      if (!checked.ok) {
        ctx.addIssue({ code: 'custom', path: ['domains', index], message: checked.message });
        return;
      }
      if (domains.includes(checked.domain)) {
        ctx.addIssue({
          code: 'custom',
          path: ['domains', index],
          message: `${checked.domain} is listed twice; list each domain once.`,
        });
        return;
      }
      if (value.consumerMail === 'refuse' && isConsumerMail(checked.domain)) {
        ctx.addIssue({
          code: 'custom',
          path: ['domains', index],
          message: `${checked.domain} is a consumer mail domain and cannot be used: ${value.consumerWhy}`,
        });
        return;
      }
      domains.push(checked.domain);
    });
    return { domains, consumerMail: value.consumerMail, consumerWhy: value.consumerWhy };
  });
export type DomainsStepInput = z.output<typeof DomainsStepInputSchema>;

function count(domain: string, users: number): DomainCount {
  return { domain, display: displayDomain(domain), users, consumer: isConsumerMail(domain) };
}

/** Pure: what the listed domains cover, given users per login domain. */
export function coverage(
  input: DomainsStepInput,
  byDomain: ReadonlyMap<string, number>,
  logins: { domain: string | undefined; login: string }[],
): Pick<DomainsObserved, 'listed' | 'uncovered'> {
  const listed = new Set(input.domains);
  const outside = logins.filter((l) => l.domain === undefined || !listed.has(l.domain));
  return {
    listed: input.domains.map((d) => count(d, byDomain.get(d) ?? 0)),
    uncovered: { users: outside.length, sample: outside.slice(0, UNCOVERED_SAMPLE).map((l) => l.login) },
  };
}

/** Pure: one check per concern, each with the numbers it rests on. */
export function domainChecks(observed: DomainsObserved): Check[] {
  const checks: Check[] = observed.listed.map((d) => ({
    id: `domain:${d.domain}`,
    label: `Users in ${d.display}`,
    status: d.users > 0 ? 'pass' : 'warn',
    detail:
      d.users > 0
        ? `${d.users} of ${observed.totalUsers} Okta users sign in with an address in ${d.display}.`
        : `No Okta user signs in with an address in ${d.display}; check the spelling, or that these users exist in Okta.`,
  }));
  const consumer = observed.listed.filter((d) => d.consumer);
  const refused = observed.consumerMail.policy === 'refuse';
  checks.push({
    id: 'consumer-mail',
    label: 'No consumer mail domains',
    status: consumer.length === 0 ? 'pass' : refused ? 'fail' : 'warn',
    detail:
      consumer.length === 0
        ? 'None of the domains is a free mail provider.'
        : `${consumer.map((d) => d.display).join(', ')} ${consumer.length === 1 ? 'is a consumer mail domain' : 'are consumer mail domains'}: ${observed.consumerMail.why}`,
  });
  const { uncovered } = observed;
  checks.push({
    id: 'uncovered-users',
    label: 'Users outside these domains',
    status: uncovered.users === 0 ? 'pass' : 'warn',
    detail:
      uncovered.users === 0
        ? `All ${observed.totalUsers} Okta users sign in with an address in these domains.`
        : `${uncovered.users} of ${observed.totalUsers} Okta users sign in with an address in no listed domain; the vendor will not route them to Okta.`,
    ...(uncovered.users === 0
      ? {}
      : {
          evidence:
            uncovered.sample.join('\n') +
            (uncovered.users > uncovered.sample.length
              ? `\n… and ${uncovered.users - uncovered.sample.length} more`
              : ''),
        }),
  });
  return checks;
}

/** Email domains: entered or suggested from the org's users, checked, sent to the vendor later. No Okta writes. */
export const domainsStep = defineStep<DomainsStepInput, DomainsObserved>({
  id: 'domains',
  input: DomainsStepInputSchema,
  defaults: (profile, facts) => ({
    domains: facts.emailDomains ?? [],
    consumerMail: profile.domains.consumerMail,
    consumerWhy: profile.domains.why,
  }),
  async inspect(ctx) {
    const okta = await ctx.okta();
    const byDomain = new Map<string, number>();
    const logins: { domain: string | undefined; login: string }[] = [];
    for await (const page of okta.listUsers({ limit: 200 })) {
      for (const user of page) {
        const domain =
          loginDomain(user.profile.login) ?? (user.profile.email ? loginDomain(user.profile.email) : undefined);
        if (domain !== undefined) byDomain.set(domain, (byDomain.get(domain) ?? 0) + 1);
        logins.push({ domain, login: user.profile.login });
      }
    }
    const suggestions = [...byDomain]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([d, n]) => count(d, n));
    return {
      totalUsers: logins.length,
      suggestions,
      ...coverage(ctx.input, byDomain, logins),
      consumerMail: { policy: ctx.profile.domains.consumerMail, why: ctx.profile.domains.why },
    };
  },
  plan: (input, _observed, profile) =>
    input.domains.length > 0
      ? []
      : [
          {
            id: 'domains-choose',
            kind: 'manual',
            target: `Email domains for ${profile.name}`,
            summary: "List your company's email domains: add them, or pick from the login domains of your Okta users.",
            details: [],
          },
        ],
  async apply() {
    // Nothing in Okta changes: the domains go to the vendor in the register step.
  },
  async verify(ctx, observed) {
    const checks = domainChecks(observed);
    if (observed.listed.length > 0 && !checks.some((c) => c.status === 'fail'))
      ctx.learn({ emailDomains: observed.listed.map((d) => d.domain) });
    return checks;
  },
});
