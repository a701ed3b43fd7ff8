/**
 * The renderer's Content-Security-Policy, the same in Electron and browser mode: our own scripts
 * and styles only, no eval, no remote content; the renderer talks only to its own origin.
 */
/**
 * The report preview is a sandboxed srcdoc frame, which inherits this policy; the report's one
 * stylesheet is allowed by its hash (test/unit/report/html.test.ts keeps the two equal).
 */
export const REPORT_STYLE_HASH = "'sha256-qSHoc/wKolcPimECr4lrmH8DGjfMARHABPNL+QOztyQ='";

export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${REPORT_STYLE_HASH}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
