import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * A platform authenticator (a phone or laptop with a PIN or fingerprint: resident keys, user
 * verification) attached to one page through Chromium's DevTools protocol; a popup is a page of
 * its own and needs its own.
 */
export async function virtualAuthenticator(context: BrowserContext, target: Page): Promise<{ cdp: CDPSession; id: string }> {
  const cdp = await context.newCDPSession(target);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, id: authenticatorId };
}
