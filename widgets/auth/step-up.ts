import { isApiProblem } from '../api/api-problem.ts';

/**
 * Sends a sensitive change (the e-mail address, a contract's payment method); when the API asks
 * for a fresher log-in (`reauthentication_required`), re-authenticates through the portal
 * (`PortalContext.reauthenticate`: the log-in popup, same session) and sends the very same
 * request again, once: the customer retypes nothing. Any other refusal, or a failed
 * re-authentication (`login_cancelled`, `popup_blocked`), rejects as it is.
 */
export async function withStepUp<T>(send: () => Promise<T>, reauthenticate: () => Promise<void>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isApiProblem(error) || error.code !== 'reauthentication_required') throw error;
  }
  await reauthenticate();
  return send();
}
