import { ROTATION_STAGES, type Rotation, type RotationStage, type RotationTest } from '../api/cert-rotation';
import type { Client, Integration } from '../api/model';
import { AppError } from '../errors';
import type { CsrSubject, OktaOrgApi } from '../okta/org-api';
import type { AuditInput } from '../workspace/audit-log';
import type { Workspace } from '../workspace/workspace';

/** The audit log's step name for the rotation's writes and reports. */
export const ROTATION_AUDIT_STEP = 'cert-rotation';

export type RotationAction =
  | { stage: 'generate' }
  | { stage: 'csr'; subject: CsrSubject; dnsNames?: string[] }
  /** The CA-issued certificate: PEM text (with or without its chain), or DER in base64. */
  | { stage: 'publish'; certificate: string }
  | { stage: 'discard-csr' }
  | { stage: 'register'; via: 'copied' | 'email' }
  | { stage: 'switch' }
  | ({ stage: 'test' } & LoginWay)
  | { stage: 'confirm' }
  | { stage: 'switch-back' }
  | { stage: 'cancel' };

/** How the test user signs in: a person in the sign-in window, or main with the password the admin typed (never stored). */
export type LoginWay = { via: 'window' } | { via: 'password'; password: string };

export interface LoginProof {
  userLogin: string;
  valid: boolean;
  checks: RotationTest['checks'];
}

export interface RotationDeps {
  dataDir: string;
  workspace: Workspace;
  connect(client: Client): Promise<OktaOrgApi>;
  /** Appends to the client's audit log (reports the admin made, not Okta writes: those log themselves). */
  audit(event: AuditInput): Promise<void>;
  /** An SP-initiated sign-in through the vendor, its signature checked against `vendorCertificatePem`. */
  testLogin(integrationId: string, way: LoginWay, vendorCertificatePem: string): Promise<LoginProof>;
  now?: () => Date;
  /** Test seam: runs after the intent is saved and before the Okta write, and after the write. */
  onWritePoint?: (point: 'before-write' | 'after-write', op: 'generate' | 'switch' | 'csr' | 'publish') => void;
}

export interface RotationContext {
  integration: Integration;
  client: Client;
  appId: string;
  vendorName: string;
}

/** What one stage of one integration's rotation works with; each stage module gets this and nothing else. */
export interface RotationKit {
  ctx: RotationContext;
  appId: string;
  now: () => Date;
  /** The org's client, connected when a stage first needs Okta. */
  okta(): Promise<OktaOrgApi>;
  /** Saves the rotation in progress (with its `pending` intent) in `certs/<integration>.json`. */
  save(rotation: Rotation): Promise<void>;
  /** Runs an Okta write in the rotation's audit scope. */
  scoped<T>(work: () => Promise<T>): Promise<T>;
  event(rotation: Rotation, what: string): void;
  /** Appends what happened outside Okta (the admin's reports, the test login) to the audit log. */
  report(operation: string, detail: string): Promise<void>;
  testLogin: RotationDeps['testLogin'];
  onWritePoint?: RotationDeps['onWritePoint'];
}

export const stageIndex = (stage: RotationStage) => ROTATION_STAGES.indexOf(stage);

/** Refuses an action out of order, saying where the rotation is. */
export function expectStage(rotation: Rotation, stage: RotationStage): void {
  if (rotation.stage === stage) return;
  const done = stageIndex(rotation.stage) > stageIndex(stage);
  throw new AppError(
    'ROTATION_STAGE',
    done
      ? `"${stage}" is already done in this rotation; it is at "${rotation.stage}".`
      : `This rotation is at "${rotation.stage}"; "${stage}" comes later.`,
    `Continue with "${rotation.stage}".`,
  );
}
