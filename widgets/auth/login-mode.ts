/** `popup`: log in in a window on the insurer's origin (default). `redirect`: leave the page and come back. */
export const LOGIN_MODES = ['popup', 'redirect'] as const;

export type LoginMode = (typeof LOGIN_MODES)[number];

export function toLoginMode(value: string | null | undefined): LoginMode {
  return value === 'redirect' ? 'redirect' : 'popup';
}
