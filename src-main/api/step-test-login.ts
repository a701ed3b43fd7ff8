import { z } from 'zod';

export const LoginModeSchema = z.enum(['idp', 'sp']);
export type LoginMode = z.infer<typeof LoginModeSchema>;

/**
 * How a SAMLResponse was captured: main signed in with the test user's password, a person signed
 * in in the sign-in window, or it was pasted. Captures saved before the password sign-in replaced
 * the practice-only one say `sandbox`: the same HTTP sign-in, read as `password`.
 */
export const CaptureViaSchema = z.preprocess(
  (value) => (value === 'sandbox' ? 'password' : value),
  z.enum(['password', 'window', 'paste']),
);
export type CaptureVia = z.infer<typeof CaptureViaSchema>;

/** A SAMLResponse as captured, kept so every read-back checks it again against the app as it is now. */
export const LoginCaptureRecordSchema = z.object({
  samlResponse: z.string().min(1),
  via: CaptureViaSchema,
  capturedAt: z.string(),
  userLogin: z.string(),
  /** ID of the AuthnRequest an SP-initiated response must answer, when known. */
  requestId: z.string().optional(),
});
export type LoginCaptureRecord = z.infer<typeof LoginCaptureRecordSchema>;

export const TestLoginInputSchema = z.object({
  userLogin: z
    .string()
    .trim()
    .min(1, 'Enter the Okta username of a test user assigned to the app, e.g. alice@acme.com'),
  modes: z.array(LoginModeSchema).min(1, 'Choose IdP-initiated, SP-initiated, or both').default(['idp', 'sp']),
  idpCapture: LoginCaptureRecordSchema.optional(),
  spCapture: LoginCaptureRecordSchema.optional(),
});
export type TestLoginInput = z.infer<typeof TestLoginInputSchema>;

export const LoginCheckSchema = z.object({
  name: z.string(),
  status: z.enum(['pass', 'warn', 'fail']),
  detail: z.string(),
});

export const LoginResultSchema = z.object({
  mode: LoginModeSchema,
  via: CaptureViaSchema,
  capturedAt: z.string(),
  valid: z.boolean(),
  checks: z.array(LoginCheckSchema),
  /** The decoded assertion, pretty-printed: the verified one, or the unverified one marked so by the checks. */
  assertionXml: z.string().optional(),
});
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const TestLoginObservedSchema = z.object({
  user: z.object({ id: z.string(), login: z.string(), email: z.string(), status: z.string() }),
  assigned: z.boolean(),
  /** Why the vendor's SSO cannot serve this user's address (gmail.com for Millie), when it cannot. */
  addressProblem: z.string().optional(),
  app: z.object({ id: z.string(), label: z.string() }),
  /** Modes that must pass for the step to be verified; the others are shown when tested. */
  required: z.array(LoginModeSchema),
  expected: z.object({
    issuer: z.string(),
    audience: z.string(),
    acsUrl: z.string(),
    recipient: z.string(),
    destination: z.string(),
    nameId: z.string(),
    /**
     * Every attribute statement the app has: with `value` when it can be predicted (a plain
     * user.x), else only required to be present; `ifMissing` is the likely cause when it is not.
     */
    attributes: z.array(
      z.object({
        name: z.string(),
        value: z.string().optional(),
        expression: z.string().optional(),
        ifMissing: z.string().optional(),
      }),
    ),
  }),
  /** Where each mode starts: the embed link, the vendor's login page when known, and the IdP SSO URL an AuthnRequest goes to. */
  start: z.object({ idp: z.string().optional(), sp: z.string().optional(), idpSsoUrl: z.string() }),
  results: z.object({ idp: LoginResultSchema.optional(), sp: LoginResultSchema.optional() }),
});
export type TestLoginObserved = z.infer<typeof TestLoginObservedSchema>;
