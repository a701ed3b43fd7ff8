import { z } from 'zod';
import { AuditReportSchema } from '../api/drift';

/** The JSON Schema published in docs/schemas/audit-report.schema.json, made from the zod schema. */
export function auditReportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://okta-onboard.dev/schemas/audit-report.schema.json',
    title: 'okta-onboard audit report (okta-onboard audit --json)',
    ...z.toJSONSchema(AuditReportSchema, { io: 'output' }),
  };
}
