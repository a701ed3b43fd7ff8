import { randomBytes } from 'node:crypto';
import { certExpiry, type CertHealth } from '../api/cert-health';
import type { Rotation } from '../api/cert-rotation';
import type { Client, Integration } from '../api/model';
import { AppError, isAppError } from '../errors';
import { withAuditScope } from '../workspace/audit-scope';
import { vendorProfile } from '../vendors';
import { askForCsr, discardCsr, generateKey, publishCertificate, revokeCsrOnCancel } from './new-key';
import { readSigningCertificate } from './read-certificate';
import {
  expectStage,
  ROTATION_AUDIT_STEP,
  stageIndex,
  type RotationAction,
  type RotationContext,
  type RotationDeps,
  type RotationKit,
} from './rotation-kit';
import { readCertFile, updateCertFile, type CertFile } from './store';
import { switchKey, testOnNewKey } from './switch-and-test';

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

  /** The stage modules' view of one integration's rotation. */
  private kit(ctx: RotationContext): RotationKit {
    let okta: ReturnType<RotationDeps['connect']> | undefined;
    return {
      ctx,
      appId: ctx.appId,
      now: this.now,
      okta: () => (okta ??= this.deps.connect(ctx.client)),
      save: (rotation) => this.save(ctx.integration.id, rotation),
      scoped: (work) => withAuditScope({ integrationId: ctx.integration.id, stepId: ROTATION_AUDIT_STEP }, work),
      event: (rotation, what) => this.event(rotation, what),
      report: (operation, detail) => this.report(ctx.integration, ctx.client, operation, detail),
      testLogin: this.deps.testLogin,
      ...(this.deps.onWritePoint ? { onWritePoint: this.deps.onWritePoint } : {}),
    };
  }

  private event(rotation: Rotation, what: string): void {
    rotation.events.push({ at: this.now().toISOString(), what });
  }

  async advance(integrationId: string, action: RotationAction): Promise<Rotation> {
    const ctx = await this.context(integrationId);
    const file = await this.read(integrationId);
    // A confirm whose run was killed after recording it: run again, it answers with the finished rotation.
    if (action.stage === 'confirm' && !file.rotation && file.lastRotation?.confirmedAt) {
      await this.checkHealth(integrationId);
      return file.lastRotation;
    }
    const rotation = await this.current(integrationId);
    const kit = this.kit(ctx);
    switch (action.stage) {
      case 'generate':
        return generateKey(kit, rotation);
      case 'csr':
        return askForCsr(kit, rotation, action.subject, action.dnsNames ?? []);
      case 'publish':
        return publishCertificate(kit, rotation, action.certificate);
      case 'discard-csr':
        return discardCsr(kit, rotation);
      case 'register':
        expectStage(rotation, 'register');
        return this.registered(ctx, rotation, action.via);
      case 'switch':
        expectStage(rotation, 'switch');
        return switchKey(kit, rotation, 'new');
      case 'test':
        expectStage(rotation, 'test');
        return testOnNewKey(kit, rotation, action);
      case 'confirm':
        expectStage(rotation, 'confirm');
        return this.confirm(ctx, rotation);
      case 'switch-back':
        return switchKey(kit, rotation, 'old');
      case 'cancel':
        return this.cancel(ctx, rotation, kit);
    }
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

  private async cancel(ctx: RotationContext, rotation: Rotation, kit: RotationKit): Promise<Rotation> {
    if (stageIndex(rotation.stage) > stageIndex('switch')) {
      throw new AppError(
        'ROTATION_SWITCHED',
        'The app already signs with the new key: cancelling now would leave it there.',
        'Switch back to the old key first, then cancel.',
      );
    }
    await revokeCsrOnCancel(kit, rotation);
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
