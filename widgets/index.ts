// The all-in-one entry (/sdk/gp-widgets.js): importing it defines every element.
// <gp-portal> comes first so that it is defined before the widgets placed inside it ask for its context.
export { default as GpPortal } from './components/portal/portal.ts';
export { default as GpOverview } from './components/overview/overview.ts';
export { default as GpPolicyList } from './components/policy-list/policy-list.ts';
export { default as GpInvoicePay } from './components/invoice-pay/invoice-pay.ts';
export { default as GpMailbox } from './components/mailbox/mailbox.ts';
// The claim form (a claim is reported rarely) and the profile with its security section (visited
// rarely) arrive when they are shown: see define-when-shown.ts.
export type { default as GpClaimForm } from './components/claim-form/claim-form.ts';
export type { default as GpProfile } from './components/profile/profile.ts';
import { defineWhenShown } from './internal/define-when-shown.ts';
defineWhenShown('gp-claim-form', () => import('./components/claim-form/claim-form.ts'));
defineWhenShown('gp-profile', () => import('./components/profile/profile.ts'));

export type { LoginMode } from './auth/login-mode.ts';
export { portalContext, type PortalContext } from './context/portal-context.ts';
export * from './events/index.ts';
export { formatDate, formatHuf, type DateStyle } from './i18n/format.ts';
export { LANGS, type Lang } from './i18n/lang.ts';
export { LocalizeController } from './internal/localize-controller.ts';
