import { channel } from './channel';
import { MarkSentRequestSchema, RegisterRefSchema, RegisterViewSchema, RegistrationEmailSchema } from './step-register';

/** The register step's own operations beyond inspect / apply / verify. */
export const registerChannels = {
  /** The ready email: subject, body, a mailto link and the .eml (metadata XML attached) saved in the data folder. */
  prepareEmail: channel(RegisterRefSchema, RegistrationEmailSchema),
  /** The admin sent the values by email, as an .eml, or pasted them into the vendor's settings. */
  markSent: channel(MarkSentRequestSchema, RegisterViewSchema),
  /** The vendor answered: the registration is done on its side. */
  markConfirmed: channel(RegisterRefSchema, RegisterViewSchema),
  /** POSTs the values to the vendor's registration API (the step's apply). */
  postToApi: channel(RegisterRefSchema, RegisterViewSchema),
};
