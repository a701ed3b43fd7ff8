import { z } from 'zod';
import { ConfigReportSchema, PortfolioReportSchema } from './model';

const BASE = 'https://okta-onboard.dev/schemas';

/** The JSON Schema published in docs/schemas/config-report.schema.json, made from the zod schema. */
export function configReportJsonSchema(): Record<string, unknown> {
  return {
    $id: `${BASE}/config-report.schema.json`,
    title: 'okta-onboard configuration report',
    ...z.toJSONSchema(ConfigReportSchema, { io: 'input' }),
  };
}

/** The JSON Schema published in docs/schemas/portfolio-report.schema.json. */
export function portfolioReportJsonSchema(): Record<string, unknown> {
  return {
    $id: `${BASE}/portfolio-report.schema.json`,
    title: 'okta-onboard portfolio report',
    ...z.toJSONSchema(PortfolioReportSchema, { io: 'input' }),
  };
}
