import { homedir } from 'node:os';
import { join } from 'node:path';

export const productName = 'Okta Onboarding Wizard';

/**
 * The data folder: an explicit flag, then $OKTA_ONBOARD_DATA_DIR, then the same folder Electron
 * uses as userData, so the desktop app and the CLI share one workspace.
 */
export function resolveDataDir(
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (flag) return flag;
  if (env.OKTA_ONBOARD_DATA_DIR) return env.OKTA_ONBOARD_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName);
}
