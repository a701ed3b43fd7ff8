import type { AccessTokenValidator } from './auth';
import type { Router } from './router';
import type { OrgState } from './state';

/** What a sandbox plugin (a group of routes, the OAuth server, the provisioning engine) gets. */
export interface SandboxContext {
  readonly state: OrgState;
  readonly router: Router;
  /** `http://127.0.0.1:PORT`, valid once the server listens (always, inside handlers and events). */
  readonly baseUrl: string;
  /** Replaces how `Bearer`/`DPoP` access tokens are checked (the OAuth server validates DPoP proofs). */
  setAccessTokenValidator(validator: AccessTokenValidator): void;
  /** Runs at `close()`, e.g. to stop timers or flush a provisioning queue. */
  onClose(cleanup: () => void | Promise<void>): void;
}

export interface SandboxPlugin {
  name: string;
  install(ctx: SandboxContext): void;
}
