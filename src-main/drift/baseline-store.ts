import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IntegrationBaselineSchema, type DriftField, type IntegrationBaseline, type StepBaseline } from '../api/drift';
import type { StepId } from '../api/model';
import { AppError } from '../errors';
import { removeLeftoverTempFiles, writeFileAtomic } from '../workspace/atomic-file';
import { withFileLock } from '../workspace/file-lock';
import { idFileName } from '../workspace/id-file-name';
import { driftFields, fieldSetOf } from './fields';

/**
 * The last verified state of each step of an integration, per field, in
 * `<data>/baselines/<integrationId>.json`: what the drift audit compares Okta against. Kept apart
 * from workspace.json so an org with thousands of assigned people does not weigh on every
 * workspace write. Holds what Okta showed (URLs, kids, logins, switches), never a secret.
 */
export function baselinePath(dataDir: string, integrationId: string): string {
  return join(dataDir, 'baselines', `${idFileName(integrationId)}.json`);
}

export async function readBaseline(dataDir: string, integrationId: string): Promise<IntegrationBaseline> {
  const path = baselinePath(dataDir, integrationId);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, integrationId, steps: {} };
    throw error;
  }
  const parsed = IntegrationBaselineSchema.safeParse(JSON.parse(text));
  if (!parsed.success || parsed.data.integrationId !== integrationId)
    throw new AppError(
      'WORKSPACE_BASELINE_CORRUPT',
      `The last verified state of this integration (${path}) is unreadable.`,
      'Move the file aside: the next verification records the state again (drift until then cannot be told).',
    );
  return parsed.data;
}

/** Read-modify-write under the cross-process lock (the app and a nightly CLI run may both write). */
async function updateBaseline(
  dataDir: string,
  integrationId: string,
  change: (baseline: IntegrationBaseline) => boolean,
): Promise<void> {
  const path = baselinePath(dataDir, integrationId);
  await withFileLock(`${path}.lock`, 'last verified state', async (assertHeld) => {
    await removeLeftoverTempFiles(path);
    const baseline = await readBaseline(dataDir, integrationId);
    if (!change(baseline)) return;
    assertHeld();
    await writeFileAtomic(path, `${JSON.stringify(baseline, null, 1)}\n`);
  });
}

export async function removeBaseline(dataDir: string, integrationId: string): Promise<void> {
  await rm(baselinePath(dataDir, integrationId), { force: true });
}

/** Key order does not matter; the digest of the saved input tells "the admin asked for this" from drift. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export function inputDigest(input: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Whether a step's recorded state is what to expect now: taken under the input saved now, and
 * not older than the wizard's last write to the integration.
 */
export function isCurrent(baseline: IntegrationBaseline, step: StepBaseline, digest: string): boolean {
  return step.inputDigest === digest && (baseline.wroteAt === undefined || step.verifiedAt >= baseline.wroteAt);
}

/**
 * A baseline taken with an older field list gets the fields it lacks, as read now (there is
 * nothing earlier to hold them to), and the current list's version; the fields it has keep their
 * verified values. Returns whether anything was added.
 */
function addMissingFields(stepId: StepId, known: StepBaseline, fields: readonly DriftField[]): boolean {
  const version = fieldSetOf(stepId);
  if ((known.fieldSet ?? 1) >= version) return false;
  const keys = new Set(known.fields.map((f) => f.key));
  known.fields.push(...fields.filter((f) => !keys.has(f.key)));
  known.fieldSet = version;
  return true;
}

/** The same fields, in whatever order an older baseline had them. */
function sameByKey(known: readonly DriftField[], fields: readonly DriftField[]): boolean {
  const byKey = new Map(known.map((f) => [f.key, JSON.stringify(f)]));
  return known.length === fields.length && fields.every((f) => byKey.get(f.key) === JSON.stringify(f));
}

export interface Verification {
  dataDir: string;
  integrationId: string;
  stepId: StepId;
  /** The step's saved input (secrets are never in it). */
  input: Record<string, unknown>;
  observed: unknown;
  verifiedAt: string;
  /** The phase wrote to Okta: what it reads back is what the admin asked for. */
  wrote: boolean;
}

/**
 * Called whenever a step verifies. The state becomes the baseline when there is none, when the
 * admin's input changed since (they asked for something new), or when the wizard wrote to the
 * integration since (this step's write or another's). Otherwise a differing state is drift and stays for the audit to report until the
 * admin accepts it; an equal one only moves the baseline's time forward. Fields an older
 * baseline lacks are added as read now either way (see addMissingFields).
 */
export async function recordVerification(v: Verification): Promise<void> {
  const fields = driftFields(v.stepId, v.observed);
  const digest = inputDigest(v.input);
  await updateBaseline(v.dataDir, v.integrationId, (baseline) => {
    const known = baseline.steps[v.stepId];
    if (v.wrote) baseline.wroteAt = v.verifiedAt;
    if (known && isCurrent(baseline, known, digest) && !v.wrote) {
      const added = addMissingFields(v.stepId, known, fields);
      if (!sameByKey(known.fields, fields)) return added;
      known.verifiedAt = v.verifiedAt;
      return true;
    }
    baseline.steps[v.stepId] = {
      verifiedAt: v.verifiedAt,
      inputDigest: digest,
      fields,
      fieldSet: fieldSetOf(v.stepId),
    };
    return true;
  });
}

/** The admin reviewed an audit and takes what Okta has now as the state to compare against. */
export async function acceptState(v: Omit<Verification, 'wrote'> & { acceptedAt: string }): Promise<void> {
  const fields = driftFields(v.stepId, v.observed);
  await updateBaseline(v.dataDir, v.integrationId, (baseline) => {
    baseline.steps[v.stepId] = {
      verifiedAt: v.verifiedAt,
      inputDigest: inputDigest(v.input),
      fields,
      fieldSet: fieldSetOf(v.stepId),
      acceptedAt: v.acceptedAt,
    };
    return true;
  });
}
