import type { Language } from '../../common/language.ts';

/** The absolute URLs the self-service e-mails and pages link to (under PUBLIC_URL). */
export function accountLinks(publicUrl: URL) {
  const origin = publicUrl.origin;
  const withToken = (path: string, token: string, lang: Language) => `${origin}${path}?${new URLSearchParams({ token, lang }).toString()}`;
  return {
    /** The portal: where a customer logs in. */
    portal: () => `${origin}/`,
    verifyEmail: (token: string, lang: Language) => withToken('/account/verify-email', token, lang),
    resetPassword: (token: string, lang: Language) => withToken('/account/reset-password', token, lang),
    undoEmailChange: (token: string, lang: Language) => withToken('/account/undo-email-change', token, lang),
    forgotPassword: () => `${origin}/account/forgot-password`,
  };
}
