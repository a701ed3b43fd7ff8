/**
 * The renderer's Content-Security-Policy, the same in Electron and browser mode: our own scripts
 * and styles only, no eval, no remote content; the renderer talks only to its own origin.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
