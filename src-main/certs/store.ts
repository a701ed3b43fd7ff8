import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CertHealthSchema } from '../api/cert-health';
import { RotationSchema } from '../api/cert-rotation';
import { AppError } from '../errors';
import { writeFileAtomic } from '../workspace/atomic-file';
import { withFileLock } from '../workspace/file-lock';
import { idFileName } from '../workspace/id-file-name';

/**
 * One integration's certificate record: the last reading of its signing certificate and the
 * rotation in progress (with the last finished one). The rotation's state is saved here before
 * each Okta write it makes, so a killed run resumes where it stopped.
 */
export const CertFileSchema = z.object({
  version: z.literal(1),
  health: CertHealthSchema.optional(),
  rotation: RotationSchema.optional(),
  lastRotation: RotationSchema.optional(),
});
export type CertFile = z.infer<typeof CertFileSchema>;

export function certFilePath(dataDir: string, integrationId: string): string {
  return join(dataDir, 'certs', `${idFileName(integrationId)}.json`);
}

export async function readCertFile(dataDir: string, integrationId: string): Promise<CertFile> {
  let text: string;
  try {
    text = await readFile(certFilePath(dataDir, integrationId), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1 };
    throw error;
  }
  const parsed = CertFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new AppError(
      'INVALID_FILE',
      `The certificate record of this integration (${certFilePath(dataDir, integrationId)}) could not be read back.`,
      'Move the file aside and check the certificate again; a rotation in progress must then be checked in Okta (Applications > the app > Sign On > SAML Signing Certificates).',
    );
  }
  return parsed.data;
}

/** Read-modify-write under a cross-process lock, written atomically: the app and the CLI may both run. */
export async function updateCertFile<T>(
  dataDir: string,
  integrationId: string,
  change: (file: CertFile) => T,
): Promise<{ file: CertFile; result: T }> {
  const path = certFilePath(dataDir, integrationId);
  return withFileLock(`${path}.lock`, 'certificate record', async (assertHeld) => {
    const file = await readCertFile(dataDir, integrationId);
    const result = change(file);
    const checked = CertFileSchema.parse(file);
    assertHeld();
    await writeFileAtomic(path, JSON.stringify(checked, null, 2));
    return { file: checked, result };
  });
}
