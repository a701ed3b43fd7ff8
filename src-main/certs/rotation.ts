import { randomBytes } from 'node:crypto';
import { certExpiry, type CertHealth } from '../api/cert-health';
import { ROTATION_STAGES, type Rotation, type RotationStage, type RotationTest } from '../api/cert-rotation';
import type { Client, Integration } from '../api/model';
import { AppError, isAppError } from '../errors';
import type { CsrSubject, OktaOrgApi } from '../okta/org-api';
import type { AuditInput } from '../workspace/audit-log';
import { withAuditScope } from '../workspace/audit-scope';
import type { Workspace } from '../workspace/workspace';
import { vendorProfile } from '../vendors';
import { publishCsr, requestCsr, revokeOpenCsr, type CsrStageDeps } from './csr-stage';
import { certificateOfKey, readSigningCertificate, signingKidOf } from './read-certificate';
import { readCertFile, updateCertFile, type CertFile } from './store';

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

interface RotationContext {
  integration: Integration;
  client: Client;
  appId: string;
  vendorName: string;
}

const stageIndex = (stage: RotationStage) => ROTATION_STAGES.indexOf(stage);

/** Certificate health and the guided key rotation of one integration's SAML app. */
export class CertRotation {
  private readonly now: () => Date;

  constructor(private readonly deps: RotationDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private async context(integrationId: string): Promise<RotationContext> {
    const integration = await this.deps.workspace.getIntegration(integrationId);
    const client = (await this.deps.workspace.listClients()).find((c) => c.id === integration.clientId);
    if (!client)
      throw new AppError(
        'CLIENT_NOT_FOUND',
        'The client of this integration no longer exists.',
        'Add the client again.',
      );
    const appId = integration.facts.appId;
    if (!appId) {
      throw new AppError(
        'NO_APP_YET',
        `"${integration.label}" has no Okta app yet, so there is no signing certificate to check.`,
        'Finish the app step first.',
      );
    }
    return { integration, client, appId, vendorName: vendorProfile(integration.vendorId).name };
  }

  private scoped<T>(integration: Integration, work: () => Promise<T>): Promise<T> {
    return withAuditScope({ integrationId: integration.id, stepId: ROTATION_AUDIT_STEP }, work);
  }

  read(integrationId: string): Promise<CertFile> {
    return readCertFile(this.deps.dataDir, integrationId);
  }

  /** Reads the app's signing certificate from Okta now and keeps the reading (or the failure) with its time. */
  async checkHealth(integrationId: string): Promise<CertHealth> {
    const readAt = this.now().toISOString();
    let health: CertHealth;
    try {
      const { client, appId, vendorName } = await this.context(integrationId);
      const okta = await this.deps.connect(client);
      const { certificate } = await readSigningCertificate(okta, appId, this.now());
      const expiry = certExpiry(certificate.expiresAt, this.now(), vendorName);
      health = { integrationId, readAt, appId, certificate, ...expiry };
    } catch (error) {
      if (!isAppError(error)) throw error;
      health = {
        integrationId,
        readAt,
        message: `Could not read the signing certificate: ${error.message}`,
        error: { code: error.code, message: error.message, hint: error.hint },
      };
    }
    await updateCertFile(this.deps.dataDir, integrationId, (file) => {
      file.health = health;
    });
    return health;
  }

  async start(integrationId: string, validityYears: number): Promise<Rotation> {
    if (!Number.isInteger(validityYears) || validityYears < 2 || validityYears > 10) {
      throw new AppError(
        'INVALID_INPUT',
        `validityYears: Okta issues app signing certificates for 2 to 10 years, not ${validityYears}.`,
        'Choose a whole number of years from 2 to 10 (10 is usual; your policy may ask for less).',
        'validityYears',
      );
    }
    const { integration, client, appId } = await this.context(integrationId);
    const existing = (await this.read(integrationId)).rotation;
    if (existing) {
      throw new AppError(
        'ROTATION_IN_PROGRESS',
        `A rotation of "${integration.label}" started ${existing.startedAt} is at "${existing.stage}".`,
        'Continue it, or cancel it first.',
      );
    }
    const okta = await this.deps.connect(client);
    const { certificate } = await readSigningCertificate(okta, appId, this.now());
    const at = this.now().toISOString();
    const rotation: Rotation = {
      id: `rot_${randomBytes(6).toString('hex')}`,
      integrationId,
      appId,
      startedAt: at,
      validityYears,
      stage: 'generate',
      old: certificate,
      events: [{ at, what: `Started: the app signs with key ${certificate.kid} (expires ${certificate.expiresAt}).` }],
    };
    await this.save(integrationId, rotation);
    await this.report(
      integration,
      client,
      'cert.rotation.start',
      `Rotation started for app ${appId} (old key ${certificate.kid})`,
    );
    return rotation;
  }

  private async save(integrationId: string, rotation: Rotation | undefined, finished?: Rotation): Promise<void> {
    await updateCertFile(this.deps.dataDir, integrationId, (file) => {
      if (rotation) file.rotation = rotation;
      else delete file.rotation;
      if (finished) file.lastRotation = finished;
    });
  }

  private async report(integration: Integration, client: Client, operation: string, detail: string): Promise<void> {
    await this.deps.audit({
      clientId: client.id,
      integrationId: integration.id,
      stepId: ROTATION_AUDIT_STEP,
      operation,
      target: `app ${integration.facts.appId ?? ''}`,
      outcome: 'success',
      detail,
    });
  }

  private async current(integrationId: string): Promise<Rotation> {
    const rotation = (await this.read(integrationId)).rotation;
    if (!rotation) {
      throw new AppError(
        'NO_ROTATION',
        'No rotation is in progress for this integration.',
        'Start one: choose how many years the new certificate is valid and press "Start rotation".',
      );
    }
    return rotation;
  }

  private expect(rotation: Rotation, stage: RotationStage): void {
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

  private event(rotation: Rotation, what: string): void {
    rotation.events.push({ at: this.now().toISOString(), what });
  }

  async advance(integrationId: string, action: RotationAction): Promise<Rotation> {
    const ctx = await this.context(integrationId);
    const rotation = await this.current(integrationId);
    switch (action.stage) {
      case 'generate':
        return this.generate(ctx, rotation);
      case 'csr':
        return this.requestCsr(ctx, rotation, action.subject, action.dnsNames ?? []);
      case 'publish':
        return this.publish(ctx, rotation, action.certificate);
      case 'discard-csr':
        return this.discardCsr(ctx, rotation);
      case 'register':
        this.expect(rotation, 'register');
        return this.registered(ctx, rotation, action.via);
      case 'switch':
        this.expect(rotation, 'switch');
        return this.switchTo(ctx, rotation, 'new');
      case 'test':
        this.expect(rotation, 'test');
        return this.test(ctx, rotation, action);
      case 'confirm':
        this.expect(rotation, 'confirm');
        return this.confirm(ctx, rotation);
      case 'switch-back':
        return this.switchTo(ctx, rotation, 'old');
      case 'cancel':
        return this.cancel(ctx, rotation);
    }
  }

  private async generate(ctx: RotationContext, rotation: Rotation): Promise<Rotation> {
    this.expect(rotation, 'generate');
    if (rotation.csr || rotation.pending?.op === 'csr' || rotation.pending?.op === 'publish') {
      throw new AppError(
        'ROTATION_STAGE',
        `This rotation is making the new key through a CSR${rotation.csr ? ` (${rotation.csr.id})` : ''}: generating another key now would leave it behind in Okta.`,
        'Upload the certificate your CA signed; or discard the CSR (it is revoked in Okta), then generate.',
      );
    }
    const okta = await this.deps.connect(ctx.client);
    const keys = await okta.listAppKeys(ctx.appId);
    // A run killed after saving its intent: a key the app did not have then is the one it made.
    const pending = rotation.pending;
    const made = pending?.op === 'generate' ? keys.find((k) => !pending.knownKids.includes(k.kid)) : undefined;
    let key = made;
    if (key === undefined) {
      rotation.pending = { op: 'generate', at: this.now().toISOString(), knownKids: keys.map((k) => k.kid) };
      await this.save(ctx.integration.id, rotation);
      this.deps.onWritePoint?.('before-write', 'generate');
      key = await this.scoped(ctx.integration, () => okta.generateAppKey(ctx.appId, rotation.validityYears));
      this.deps.onWritePoint?.('after-write', 'generate');
    }
    rotation.new = certificateOfKey(key, this.now());
    delete rotation.pending;
    rotation.stage = 'register';
    this.event(
      rotation,
      made
        ? `Found key ${key.kid}, made by a run that stopped before recording it; no second key was made.`
        : `Generated key ${key.kid} in Okta (expires ${rotation.new.expiresAt}); the app still signs with the old key.`,
    );
    await this.save(ctx.integration.id, rotation);
    return rotation;
  }

  private async csrDeps(ctx: RotationContext): Promise<CsrStageDeps> {
    return {
      okta: await this.deps.connect(ctx.client),
      appId: ctx.appId,
      now: this.now,
      save: (rotation) => this.save(ctx.integration.id, rotation),
      scoped: (work) => this.scoped(ctx.integration, work),
      ...(this.deps.onWritePoint ? { onWritePoint: this.deps.onWritePoint } : {}),
    };
  }

  private async requestCsr(
    ctx: RotationContext,
    rotation: Rotation,
    subject: CsrSubject,
    dnsNames: string[],
  ): Promise<Rotation> {
    this.expect(rotation, 'generate');
    if (rotation.csr && rotation.pending?.op !== 'csr') {
      throw new AppError(
        'ROTATION_STAGE',
        `This rotation already has CSR ${rotation.csr.id} (for ${rotation.csr.commonName}).`,
        'Download it, have your CA sign it and upload the certificate; or discard it to request a new one.',
      );
    }
    const { adopted } = await requestCsr(await this.csrDeps(ctx), rotation, subject, dnsNames);
    this.event(
      rotation,
      adopted
        ? `Found CSR ${rotation.csr?.id ?? ''}, made by a run that stopped before recording it; no second CSR was made.`
        : `Okta made a key pair and CSR ${rotation.csr?.id ?? ''} for ${subject.commonName ?? ''}; its private key stays in Okta. Have your CA sign the CSR.`,
    );
    await this.save(ctx.integration.id, rotation);
    return rotation;
  }

  private async publish(ctx: RotationContext, rotation: Rotation, certificate: string): Promise<Rotation> {
    this.expect(rotation, 'generate');
    const { key, adopted } = await publishCsr(await this.csrDeps(ctx), rotation, certificate);
    rotation.new = certificateOfKey(key, this.now());
    delete rotation.pending;
    delete rotation.csr;
    rotation.stage = 'register';
    this.event(
      rotation,
      adopted
        ? `Found key ${key.kid}, published by a run that stopped before recording it; nothing was published twice.`
        : `Published the CA-signed certificate: Okta made key ${key.kid} (expires ${rotation.new.expiresAt}); the app still signs with the old key.`,
    );
    await this.save(ctx.integration.id, rotation);
    return rotation;
  }

  private async discardCsr(ctx: RotationContext, rotation: Rotation): Promise<Rotation> {
    this.expect(rotation, 'generate');
    if (!rotation.csr && rotation.pending?.op !== 'csr') {
      throw new AppError(
        'ROTATION_STAGE',
        'This rotation has no CSR to discard.',
        'Choose how the new key is made: Okta generates it, or request a CSR for your CA.',
      );
    }
    const what = await revokeOpenCsr(await this.csrDeps(ctx), rotation);
    if (what) this.event(rotation, `${what} Choose again how the new key is made.`);
    await this.save(ctx.integration.id, rotation);
    return rotation;
  }

  private async registered(ctx: RotationContext, rotation: Rotation, via: 'copied' | 'email'): Promise<Rotation> {
    const at = this.now().toISOString();
    rotation.registered = { at, via };
    rotation.stage = 'switch';
    this.event(
      rotation,
      `Reported by you: the new certificate was ${via === 'email' ? 'sent' : 'copied'} to ${ctx.vendorName}.`,
    );
    await this.save(ctx.integration.id, rotation);
    await this.report(
      ctx.integration,
      ctx.client,
      'cert.rotation.registered',
      `Reported by the admin, not checked: new certificate ${rotation.new?.fingerprintSha256 ?? ''} ${via === 'email' ? 'sent' : 'copied'} to ${ctx.vendorName}`,
    );
    return rotation;
  }

  /** Points the app at the new key (or back at the old one); PUT is idempotent, so a resume re-sends it. */
  private async switchTo(ctx: RotationContext, rotation: Rotation, to: 'new' | 'old'): Promise<Rotation> {
    const target = to === 'new' ? rotation.new : rotation.old;
    if (!target) throw new AppError('ROTATION_STAGE', 'There is no new key yet.', 'Generate it first.');
    if (to === 'old' && !['test', 'confirm'].includes(rotation.stage)) {
      throw new AppError(
        'ROTATION_STAGE',
        'The app still signs with the old key: there is nothing to switch back.',
        `Continue with "${rotation.stage}", or cancel the rotation.`,
      );
    }
    const okta = await this.deps.connect(ctx.client);
    rotation.pending = { op: 'switch', at: this.now().toISOString(), kid: target.kid };
    await this.save(ctx.integration.id, rotation);
    this.deps.onWritePoint?.('before-write', 'switch');
    const app = await this.scoped(ctx.integration, () => okta.setAppSigningKey(ctx.appId, target.kid));
    this.deps.onWritePoint?.('after-write', 'switch');
    const signing = signingKidOf((await okta.getApp(ctx.appId)) ?? app);
    if (signing !== target.kid) {
      throw new AppError(
        'SWITCH_NOT_READ_BACK',
        `Okta accepted the switch but the app reads back signing with key ${signing ?? '(none)'}, not ${target.kid}.`,
        'Switch again; if it persists, check the app in the Admin Console (Sign On > SAML Signing Certificates).',
      );
    }
    delete rotation.pending;
    if (to === 'new') {
      rotation.switchedAt = this.now().toISOString();
      rotation.stage = 'test';
      this.event(rotation, `Switched: the app signs with the new key ${target.kid} (read back from Okta).`);
    } else {
      delete rotation.switchedAt;
      delete rotation.test;
      rotation.stage = 'switch';
      this.event(rotation, `Switched back: the app signs with the old key ${target.kid} again (read back from Okta).`);
    }
    await this.save(ctx.integration.id, rotation);
    return rotation;
  }

  private async test(ctx: RotationContext, rotation: Rotation, way: LoginWay): Promise<Rotation> {
    const fresh = rotation.new;
    if (!fresh) throw new AppError('ROTATION_STAGE', 'There is no new key yet.', 'Generate it first.');
    const okta = await this.deps.connect(ctx.client);
    const app = await okta.getApp(ctx.appId);
    const signingKid = app ? signingKidOf(app) : undefined;
    // The vendor checks the signature with what it was given: the new certificate only once reported sent.
    const vendor = rotation.registered ? fresh : rotation.old;
    const proof = await this.deps.testLogin(ctx.integration.id, way, vendor.pem);
    const onNewKey = signingKid === fresh.kid;
    const checks: RotationTest['checks'] = [
      {
        name: 'signing-key',
        status: onNewKey ? 'pass' : 'fail',
        detail: onNewKey
          ? `Okta signs for the app with the new key ${fresh.kid}.`
          : `Okta signs for the app with ${signingKid ?? 'no key'}, not the new key ${fresh.kid}: switch first.`,
      },
      ...proof.checks,
    ];
    const valid = proof.valid && onNewKey;
    rotation.test = {
      at: this.now().toISOString(),
      via: way.via,
      userLogin: proof.userLogin,
      valid,
      signingKid: signingKid ?? '',
      vendorKid: vendor.kid,
      checks,
    };
    if (valid) rotation.stage = 'confirm';
    this.event(
      rotation,
      valid
        ? `Test login as ${proof.userLogin} passed on the new key (SP-initiated, signature checked against the certificate ${ctx.vendorName} holds).`
        : `Test login as ${proof.userLogin} failed: ${checks
            .filter((c) => c.status === 'fail')
            .map((c) => c.detail)
            .join(' ')}`,
    );
    await this.save(ctx.integration.id, rotation);
    await this.report(
      ctx.integration,
      ctx.client,
      'cert.rotation.test-login',
      `${valid ? 'Passed' : 'Failed'}: SP-initiated login as ${proof.userLogin} signed with ${signingKid ?? '(none)'}, checked against ${vendor.kid}`,
    );
    return rotation;
  }

  private async confirm(ctx: RotationContext, rotation: Rotation): Promise<Rotation> {
    const at = this.now().toISOString();
    rotation.confirmedAt = at;
    rotation.finishedAt = at;
    rotation.stage = 'done';
    this.event(
      rotation,
      `Confirmed by you: the old key ${rotation.old.kid} is retired. Okta keeps it listed (its API has no way to delete an app key) but no longer signs with it.`,
    );
    const fresh = rotation.new;
    if (fresh) {
      // The wizard's steps (register, test login) now know the certificate the vendor holds.
      await this.deps.workspace.updateIntegration(ctx.integration.id, (integration) => {
        integration.facts.certificatePem = fresh.pem;
      });
    }
    await this.save(ctx.integration.id, undefined, rotation);
    await this.report(
      ctx.integration,
      ctx.client,
      'cert.rotation.confirm',
      `Confirmed by the admin; old key ${rotation.old.kid} retired`,
    );
    await this.checkHealth(ctx.integration.id);
    return rotation;
  }

  private async cancel(ctx: RotationContext, rotation: Rotation): Promise<Rotation> {
    if (stageIndex(rotation.stage) > stageIndex('switch')) {
      throw new AppError(
        'ROTATION_SWITCHED',
        'The app already signs with the new key: cancelling now would leave it there.',
        'Switch back to the old key first, then cancel.',
      );
    }
    // Okta would keep the unused key pair of an unpublished CSR; revoking it leaves nothing behind.
    const csrWay = rotation.csr !== undefined || rotation.pending?.op === 'csr';
    const revoked = csrWay ? await revokeOpenCsr(await this.csrDeps(ctx), rotation) : undefined;
    if (revoked) this.event(rotation, revoked);
    rotation.cancelledAt = this.now().toISOString();
    this.event(
      rotation,
      rotation.new
        ? `Cancelled. The new key ${rotation.new.kid} stays in Okta unused (Okta cannot delete app keys); the app signs with the old key.`
        : 'Cancelled before a key was made.',
    );
    await this.save(ctx.integration.id, undefined, rotation);
    await this.report(
      ctx.integration,
      ctx.client,
      'cert.rotation.cancel',
      'Cancelled by the admin; the app signs with the old key',
    );
    return rotation;
  }
}
