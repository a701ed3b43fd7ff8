import type { z } from 'zod';
import type { Client, Integration, IntegrationFacts, StepId } from '../api/model';
import type { Change, Check, StepView } from '../api/steps';
import type { OktaOrgApi } from '../okta/org-api';
import type { VendorProfile } from '../vendors/profile';
import type { TemporaryLedger } from './temporaries';

/** What a step may use while it runs. Everything outside the step comes through here. */
export interface StepContext<Input> {
  client: Client;
  integration: Integration;
  profile: VendorProfile;
  /** The admin's input, validated, with secret fields filled from the secret store. */
  input: Input;
  /** Facts earlier steps learned (the app's id, its metadata URL, ...). */
  facts: IntegrationFacts;
  /** The client's Okta org, connected on first use. */
  okta(): Promise<OktaOrgApi>;
  /** Records facts later steps need; saved when the phase ends, even if it later fails. */
  learn(facts: Partial<IntegrationFacts>): void;
  /** A secret input of this integration's steps (e.g. the provisioning step reads the SCIM step's token). */
  readSecret(stepId: StepId, field: string): Promise<string | undefined>;
  /** Test objects this step makes: record each before making it, mark it removed after. */
  temporaries: TemporaryLedger;
  /** Reports progress of a long apply (assignments, migration) to the screen. */
  progress(done: number, total: number, message: string): void;
  now(): Date;
  /** The data folder, for a step's own files too big for the workspace (a migration's imported rows). */
  dataDir: string;
}

/**
 * One documented action of a vendor guide, as a value (see DESIGN.md "Steps"). `plan` is pure;
 * `apply` only makes the writes `plan` listed and is safe to repeat; `verify` reads back.
 */
export interface Step<Input, Observed> {
  id: StepId;
  /** Validates the admin's input; field names in its errors are shown on the screen. */
  input: z.ZodType<Input>;
  /** Input fields kept in the secret store, never in the workspace or the renderer. */
  secretInputs?: readonly string[];
  /** The input a new integration starts with, from the vendor profile. */
  defaults(profile: VendorProfile, facts: IntegrationFacts): Record<string, unknown>;
  /** Steps whose facts this one needs, with the fact that must be present. */
  needs?: readonly { step: StepId; fact: keyof IntegrationFacts; why: string }[];
  /**
   * Input a step keeps outside the workspace (a migration's imported export) that is still missing:
   * one blocker per missing piece, so the step reads "needs input" rather than failing on inspect.
   */
  pendingInput?(where: {
    dataDir: string;
    integration: Integration;
    profile: VendorProfile;
  }): Promise<StepView['blockers']>;
  inspect(ctx: StepContext<Input>): Promise<Observed>;
  plan(input: Input, observed: Observed, profile: VendorProfile): Change[];
  apply(ctx: StepContext<Input>, changes: Change[], observed: Observed): Promise<void>;
  verify(ctx: StepContext<Input>, observed: Observed): Promise<Check[]>;
}

/**
 * A step with its types erased, as the registry holds it. Methods (not function properties) are
 * bivariant in their parameters, so every `Step<I, O>` is one; the runner only ever passes a step
 * the values its own schema produced.
 */
export type AnyStep = Step<unknown, unknown>;

export function defineStep<Input, Observed>(step: Step<Input, Observed>): Step<Input, Observed> {
  return step;
}
