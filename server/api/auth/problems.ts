import { ProblemError } from '../../../common/http/problem.ts';

/**
 * The API's authentication and session refusals. The `code`s are stable: the widgets key their
 * messages on them.
 */
export const problems = {
  unauthenticated: () => new ProblemError(401, 'unauthenticated', 'Log in to use this resource'),
  sessionExpired: () => new ProblemError(401, 'session_expired', 'The session has ended; log in again'),
  originNotAllowed: () => new ProblemError(403, 'origin_not_allowed', 'This origin may not use this session or partner'),
  missingRequestHeader: () => new ProblemError(403, 'missing_request_header', 'Widget requests must carry the header X-GP-Request: 1'),
  invalidDpopProof: () => new ProblemError(401, 'invalid_dpop_proof', "The request needs a valid DPoP proof of the session's key for this method and URL"),
  useDpopNonce: () => new ProblemError(401, 'use_dpop_nonce', 'The DPoP proof is not fresh; sign it again with the DPoP-Nonce given'),
  dpopKeyMismatch: () => new ProblemError(401, 'dpop_key_mismatch', "The DPoP proof is signed by another key than the session's"),
  dpopProofReplayed: () => new ProblemError(401, 'dpop_proof_replayed', 'This DPoP proof was used already'),
  invalidToken: () => new ProblemError(401, 'invalid_token', 'The access token is not valid for this API'),
  ticketInvalid: () => new ProblemError(400, 'ticket_invalid', 'The login ticket is unknown, expired or already used'),
  loginStateInvalid: () => new ProblemError(400, 'login_state_invalid', 'The login is unknown, expired or already finished'),
  clientUnknown: () => new ProblemError(400, 'client_unknown', 'No active partner with this client id'),
  invalidRequest: (errors: Array<{ field: string; code: string; message: string }>) =>
    new ProblemError(400, 'invalid_request', 'The request is not valid', { errors }),
  idpUnavailable: () => new ProblemError(503, 'idp_unavailable', 'The login service is unavailable; try again shortly'),
} as const;
