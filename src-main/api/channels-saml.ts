import { z } from 'zod';
import { channel } from './channel';
import { MetadataReportSchema } from './step-metadata';

/** IdP metadata is a few kilobytes; the main side refuses more than 1 MB anyway. */
const MAX_XML_CHARS = 1024 * 1024;

export const InspectMetadataRequestSchema = z.union([
  z.object({
    xml: z
      .string()
      .trim()
      .min(1, 'Paste the metadata XML, or load a file')
      .max(MAX_XML_CHARS, 'The metadata is larger than 1 MB; IdP metadata for one app is a few kilobytes'),
  }),
  z.object({
    url: z.string().trim().min(1, 'Enter the metadata URL, e.g. https://acme.okta.com/app/exk…/sso/saml/metadata'),
  }),
]);
export type InspectMetadataRequest = z.infer<typeof InspectMetadataRequestSchema>;

/** SAML tools a screen uses outside the step phases. */
export const samlChannels = {
  /** Reads any IdP's metadata (pasted XML, a loaded file's text, or an http(s) URL) and reports on it. */
  inspectMetadata: channel(InspectMetadataRequestSchema, MetadataReportSchema),
};
