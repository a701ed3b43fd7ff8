import { z } from 'zod';
import { channel } from './channel';
import { AuditReportSchema } from './drift';
import { StepIdSchema } from './ids';

const IntegrationRef = z.object({ integrationId: z.string().min(1, 'Choose an integration') });

/** The drift audit: re-read what was verified and name what changed in Okta since (drift/). */
export const driftChannels = {
  /** One integration, read again now (read-only). */
  audit: channel(IntegrationRef, AuditReportSchema),
  /** Every client's integrations, orgs concurrently; unreachable orgs are listed, not left out. */
  auditAll: channel(z.object({}), AuditReportSchema),
  /** After review: what the latest read showed becomes the state later audits compare against. */
  accept: channel(
    IntegrationRef.extend({ stepIds: z.array(StepIdSchema).min(1).optional() }),
    z.object({ accepted: z.array(StepIdSchema) }),
  ),
};
