import { z } from 'zod';
import { channel } from './channel';
import { LoginModeSchema } from './step-test-login';
import { StepViewSchema } from './steps';

const Ref = z.object({ integrationId: z.string().min(1, 'Choose an integration') });

/** The test-login step's ways to capture a SAMLResponse; each records it and answers the checked view. */
export const testLoginChannels = {
  /** Which capture ways this app can offer besides the password sign-in (which every org has). */
  ways: channel(Ref, z.object({ window: z.boolean(), paste: z.boolean() })),
  /**
   * Main signs in as the test user with the password the admin typed, as Okta's sign-in page does
   * (IdP-initiated, or as the SP with its own AuthnRequest). The password is used once, kept nowhere.
   */
  signInWithPassword: channel(
    Ref.extend({
      mode: LoginModeSchema,
      password: z.string().min(1, "Enter the test user's Okta password"),
    }),
    StepViewSchema,
  ),
  /** Desktop app only: a sign-in window whose session takes the SAMLResponse posted to the ACS URL. */
  captureWithWindow: channel(Ref.extend({ mode: LoginModeSchema, forwardToVendor: z.boolean() }), StepViewSchema),
  /** A SAMLResponse captured with a browser SAML tracer: the value or the whole form body. */
  submitPasted: channel(
    Ref.extend({
      mode: LoginModeSchema,
      samlResponse: z
        .string()
        .trim()
        .min(1, 'Paste the SAMLResponse value (or the whole form body) from the POST to the ACS URL'),
      requestId: z.string().trim().optional(),
    }),
    StepViewSchema,
  ),
};
