import { api } from '../api/client';
import { useMain } from '../api/use-main';

/**
 * Where a secret is typed in, says plainly when it will not go to an OS keychain (browser mode
 * keeps secrets in a file only the user can read), so the admin decides before pasting it.
 */
export function SecretStorageNote() {
  const info = useMain(() => api.workspace.info({}), 'workspace-info');
  if (info.state !== 'ready' || !info.value.secretWarning) return null;
  return (
    <p className="secret-note" role="note" data-secret-storage-note>
      <strong>Not kept in a keychain.</strong> {info.value.secretWarning}
    </p>
  );
}
