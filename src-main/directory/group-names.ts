import type { OktaOrgApi } from '../okta/org-api';

/** Ids per search call: keeps the expression well under Okta's URL length limits. */
const BATCH = 20;

/** Names of the groups with these ids, read with `search=id eq … or …` a batch at a time. */
export async function groupNamesById(okta: OktaOrgApi, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  for (let i = 0; i < unique.length; i += BATCH) {
    const search = unique
      .slice(i, i + BATCH)
      .map((id) => `id eq "${id}"`)
      .join(' or ');
    for await (const page of okta.listGroups({ search })) for (const group of page) names.set(group.id, group.name);
  }
  return names;
}
