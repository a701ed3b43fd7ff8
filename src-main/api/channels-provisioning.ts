import { z } from 'zod';
import { channel } from './channel';

/** The SCIM token's copy button: the token is copied in main and never crosses to the renderer. */
export const provisioningChannels = {
  /** Whether main can copy to the system clipboard (the desktop app can; browser mode cannot). */
  clipboard: channel(z.object({}), z.object({ available: z.boolean() })),
  /** Copies the bearer token the SCIM step stored for this integration onto the clipboard. */
  copyScimToken: channel(
    z.object({ integrationId: z.string().min(1, 'Choose an integration') }),
    z.object({ copied: z.literal(true) }),
  ),
};
