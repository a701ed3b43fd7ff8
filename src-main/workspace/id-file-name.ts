import { RECORD_ID_PATTERN } from '../api/ids';
import { AppError } from '../errors';

/**
 * An id as a file or folder name. The workspace schema already refuses any other id on load; this
 * second check is at the point where an id meets the file system, so no future path from an id
 * (a request field, an older file) can reach outside the data folder.
 */
export function idFileName(id: string): string {
  if (!RECORD_ID_PATTERN.test(id)) {
    throw new AppError(
      'UNSAFE_ID',
      `"${id.slice(0, 80)}" is not an id the app made, so it is not used as a file name.`,
      'The workspace file may have been edited by hand; restore it from a backup or add the client again.',
    );
  }
  return id;
}
