import { z } from 'zod';
import { channel } from './channel';

/** What a report covers: one integration, or every integration of every client (the portfolio). */
export const ReportTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('integration'), integrationId: z.string().min(1, 'Choose an integration') }),
  z.object({ kind: z.literal('portfolio') }),
]);
export type ReportTarget = z.infer<typeof ReportTargetSchema>;

/** Terraform (`tf`) is offered for one integration only: a `.tf` file describes one org. */
export const ReportFormatSchema = z.enum(['html', 'pdf', 'json', 'md', 'tf']);
export type ReportFormatChoice = z.infer<typeof ReportFormatSchema>;

const ReportStateSchema = z.enum(['verified', 'failing', 'incomplete', 'unreadable']);

export const ReportPreviewSchema = z.object({
  /** Names this read of the org, so Export writes the report the admin previewed (for a few minutes). */
  reportId: z.string(),
  title: z.string(),
  /** The report as one self-contained HTML page (no script, no request), shown in a sandboxed frame. */
  html: z.string(),
  generatedAt: z.string(),
  /** Per integration for one; the worst first for the portfolio. */
  states: z.array(ReportStateSchema),
  formats: z.array(ReportFormatSchema),
});
export type ReportPreview = z.infer<typeof ReportPreviewSchema>;

export const ReportExportRequestSchema = z.object({
  target: ReportTargetSchema,
  format: ReportFormatSchema,
  reportId: z.string().optional(),
});

export const ReportExportReplySchema = z.discriminatedUnion('kind', [
  /** Electron: written where the admin chose in the save dialog. */
  z.object({ kind: z.literal('saved'), path: z.string(), fileName: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
  /** Browser mode: the renderer hands the file to the browser as a download. */
  z.object({ kind: z.literal('download'), fileName: z.string(), mimeType: z.string(), base64: z.string() }),
]);
export type ReportExportReply = z.infer<typeof ReportExportReplySchema>;

export const reportChannels = {
  /** Reads the org afresh (read-only) and returns the report as HTML for the preview. */
  preview: channel(ReportTargetSchema, ReportPreviewSchema),
  /** Writes the previewed report (or a fresh one) in the chosen format. */
  export: channel(ReportExportRequestSchema, ReportExportReplySchema),
};
