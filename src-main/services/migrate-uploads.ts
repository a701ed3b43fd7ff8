import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';

/** A vendor export of 100,000 rows is a few megabytes; this bounds what one upload may hold in memory. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const EXPIRE_MS = 30 * 60 * 1000;

interface Upload {
  integrationId: string;
  parts: (Buffer | undefined)[];
  bytes: number;
  touchedAt: number;
}

/**
 * Vendor exports arrive from the renderer in parts (each under the request cap) and wait here, in
 * main's memory only, until they are read. One upload per integration: a new one replaces the last.
 */
export class MigrateUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly now: () => number = Date.now) {}

  addPart(integrationId: string, uploadId: string | undefined, part: number, parts: number, data: Buffer) {
    this.expire();
    let id = uploadId;
    let upload = id === undefined ? undefined : this.uploads.get(id);
    if (part === 0 && id === undefined) {
      for (const [other, u] of this.uploads) if (u.integrationId === integrationId) this.uploads.delete(other);
      id = randomBytes(12).toString('base64url');
      upload = { integrationId, parts: Array<Buffer | undefined>(parts).fill(undefined), bytes: 0, touchedAt: 0 };
      this.uploads.set(id, upload);
    }
    if (!upload || id === undefined || upload.integrationId !== integrationId) throw gone();
    if (parts !== upload.parts.length || part >= parts)
      throw new AppError(
        'INVALID_ARGUMENT',
        `Part ${part + 1} of ${parts} does not belong to this upload.`,
        'Choose the file again.',
      );
    const previous = upload.parts[part];
    upload.bytes += data.length - (previous?.length ?? 0);
    if (upload.bytes > MAX_UPLOAD_BYTES) {
      this.uploads.delete(id);
      throw new AppError(
        'FILE_TOO_LARGE',
        `The file is over ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB.`,
        'Export only the columns needed (email, username, role), or split the export into smaller files.',
        'file',
      );
    }
    upload.parts[part] = data;
    upload.touchedAt = this.now();
    return { uploadId: id, received: upload.parts.filter((p) => p !== undefined).length, bytes: upload.bytes };
  }

  /** The whole file, once every part has arrived. */
  bytes(integrationId: string, uploadId: string): Uint8Array {
    return Buffer.concat(this.held(integrationId, uploadId).parts as Buffer[]);
  }

  /** Refuses an upload that is gone, another integration's, or still missing parts. */
  complete(integrationId: string, uploadId: string): void {
    this.held(integrationId, uploadId);
  }

  private held(integrationId: string, uploadId: string): Upload {
    this.expire();
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.integrationId !== integrationId) throw gone();
    const missing = upload.parts.findIndex((p) => p === undefined);
    if (missing >= 0)
      throw new AppError(
        'UPLOAD_INCOMPLETE',
        `Part ${missing + 1} of ${upload.parts.length} of the file has not arrived.`,
        'Choose the file again.',
        'file',
      );
    upload.touchedAt = this.now();
    return upload;
  }

  forget(uploadId: string): void {
    this.uploads.delete(uploadId);
  }

  private expire(): void {
    const now = this.now();
    for (const [id, u] of this.uploads) if (u.touchedAt > 0 && now - u.touchedAt > EXPIRE_MS) this.uploads.delete(id);
  }
}

function gone(): AppError {
  return new AppError(
    'UPLOAD_NOT_FOUND',
    'The chosen file is no longer held by the app (it was replaced, or waited over 30 minutes).',
    'Choose the file again.',
    'file',
  );
}
