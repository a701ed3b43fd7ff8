/** How many people an assignment reaches, each person counted once. */
export interface PeopleCount {
  /** Distinct people across the chosen groups and the users picked directly. */
  people: number;
  /** Distinct people in the chosen groups. */
  fromGroups: number;
  /** Users picked directly. */
  direct: number;
  /** Memberships that did not add a person: in two chosen groups, or picked and in a group. */
  duplicates: number;
}

export function countPeople(groupMembers: Iterable<ReadonlySet<string>>, userIds: Iterable<string>): PeopleCount {
  const everyone = new Set<string>();
  let memberships = 0;
  for (const members of groupMembers) {
    memberships += members.size;
    for (const id of members) everyone.add(id);
  }
  const fromGroups = everyone.size;
  const direct = new Set(userIds);
  for (const id of direct) everyone.add(id);
  return {
    people: everyone.size,
    fromGroups,
    direct: direct.size,
    duplicates: memberships + direct.size - everyone.size,
  };
}
