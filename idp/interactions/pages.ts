import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { page } from '../pages/layout.ts';
import { errorSummary, field, focusTarget, notice, type FieldError } from '../pages/form.ts';
import type { Language } from '../../common/language.ts';
import { article } from '../../widgets/i18n/hu-grammar.ts';
import { text } from './text.ts';
import { passkeyLoginBlock } from './second-step-page.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What every page needs from the request. */
export interface PageContext {
  lang: Language;
  nonce: string;
  /** Path and query of this page (for the language switch). */
  currentUrl: string;
}

/** A partner as the customer sees it. */
export interface PartnerView {
  name: string;
  logoUrl: string | null;
  origins: string[];
}

async function render(ctx: PageContext, title: string, body: Html): Promise<string> {
  return String(await page({ lang: ctx.lang, nonce: ctx.nonce, currentUrl: ctx.currentUrl, title, body }));
}

/** `template` with `{partner}` replaced by the partner's name in bold (both escaped), and `{a}` by its article („A”/„Az”). */
function withPartner(template: string, name: string): Html {
  const sentenceStart = article(name) === 'az' ? 'Az' : 'A';
  const [before = '', after = ''] = template.replace('{a}', sentenceStart).split('{partner}');
  return html`${before}<strong>${name}</strong>${after}`;
}

function partnerBadge(label: string, partner: PartnerView): Html {
  return html`<div class="partner">
    ${partner.logoUrl ? html`<img src="${partner.logoUrl}" alt="" width="120" height="40" />` : ''}
    <p>${label ? html`<span class="hint">${label}</span> ` : ''}<strong>${partner.name}</strong></p>
  </div>`;
}

export interface LoginPageOptions extends PageContext {
  uid: string;
  partner: PartnerView | null;
  email: string;
  /** Field problems (missing values), shown in an error summary. */
  errors: readonly FieldError[];
  /** A problem not tied to one field: wrong credentials, throttling, unconfirmed e-mail. */
  message: string | null;
}

export function loginPage(o: LoginPageOptions): Promise<string> {
  const s = text(o.lang);
  const focus = o.message ? (o.email ? 'password' : 'email') : focusTarget(['email', 'password'], o.errors);
  const body = html`<h1>${s.loginTitle}</h1>
    <p class="lead">${s.loginLead}</p>
    ${o.partner ? partnerBadge(s.partner, o.partner) : ''}
    ${errorSummary(s.errorSummary, o.errors)} ${o.message ? notice('error', o.message) : ''}
    <form method="post" action="/interaction/${o.uid}/login" novalidate>
      ${field({ name: 'email', label: s.email, type: 'email', value: o.email, autocomplete: 'username webauthn', inputmode: 'email', maxlength: 254, errors: o.errors, autofocus: focus === 'email' })}
      ${field({ name: 'password', label: s.password, type: 'password', autocomplete: 'current-password', maxlength: 1024, errors: o.errors, autofocus: focus === 'password' })}
      <div class="actions">
        <button class="primary" type="submit">${s.submitLogin}</button>
        <button class="secondary" type="submit" formaction="/interaction/${o.uid}/abort" formnovalidate>${s.cancel}</button>
      </div>
    </form>
    ${passkeyLoginBlock(o.lang, o.uid, o.nonce)}
    <div class="links">
      <a href="/account/forgot-password?lang=${o.lang}">${s.forgot}</a>
      <p>${s.noAccount} <a href="/account/register?lang=${o.lang}">${s.register}</a></p>
      <a href="/account/verify-email/resend?lang=${o.lang}">${s.resend}</a>
    </div>`;
  return render(o, s.loginTitle, body);
}

export interface ConsentPageOptions extends PageContext {
  uid: string;
  partner: PartnerView;
  customerName: string;
  /** The API's data (contracts, invoices, claims, documents). */
  portalData: boolean;
  /** Name, e-mail, customer number (the OpenID scopes). */
  personalData: boolean;
  /** A refresh token (stay signed in). */
  offline: boolean;
}

export function consentPage(o: ConsentPageOptions): Promise<string> {
  const s = text(o.lang);
  const items = [...(o.portalData ? [s.scopePolicies, s.scopeInvoices, s.scopeClaims, s.scopeDocuments] : []), ...(o.personalData ? [s.scopePersonal] : [])];
  const body = html`<h1>${s.consentTitle}</h1>
    ${partnerBadge('', o.partner)}
    <p class="lead">${withPartner(s.consentLead, o.partner.name)}</p>
    ${
      o.partner.origins.length
        ? html`<p>${s.consentSite} ${o.partner.origins.map((origin, i) => html`${i ? ', ' : ''}<span class="origin">${origin}</span>`)}</p>`
        : ''
    }
    <p>${s.consentSignedInAs} <strong>${o.customerName}</strong></p>
    ${items.length ? html`<h2>${s.consentWhat}</h2><ul class="scopes">${items.map((item) => html`<li>${item}</li>`)}</ul>` : ''}
    ${o.offline ? html`<p>${s.scopeOffline}</p>` : ''}
    <p class="hint">${s.consentNote}</p>
    <form method="post" action="/interaction/${o.uid}/confirm">
      <div class="actions">
        <button class="primary" type="submit" autofocus>${s.allow}</button>
        <button class="secondary" type="submit" formaction="/interaction/${o.uid}/abort">${s.deny}</button>
      </div>
    </form>`;
  return render(o, s.consentTitle, body);
}

export interface MessagePageOptions extends PageContext {
  kind: 'expired' | 'error';
  /** A standard OAuth error code (never a description: those may carry details). */
  code?: string | null;
}

export function messagePage(o: MessagePageOptions): Promise<string> {
  const s = text(o.lang);
  const title = o.kind === 'expired' ? s.expiredTitle : s.errorTitle;
  const body = html`<h1>${title}</h1>
    <p>${o.kind === 'expired' ? s.expiredBody : s.errorBody}</p>
    ${o.code ? html`<p class="hint">${s.errorCode} <code>${o.code}</code></p>` : ''}`;
  return render(o, title, body);
}

export interface LogoutPageOptions extends PageContext {
  /** oidc-provider's hidden form (`id="op.logoutForm"`, with its CSRF token). */
  form: string;
  partner: string | null;
}

export function logoutPage(o: LogoutPageOptions): Promise<string> {
  const s = text(o.lang);
  const body = html`<h1>${s.logoutTitle}</h1>
    <p class="lead">${s.logoutQuestion}</p>
    ${o.partner ? html`<p>${s.logoutRequestedBy} <strong>${o.partner}</strong></p>` : ''}
    ${raw(o.form)}
    <div class="actions">
      <button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${s.logoutYes}</button>
      <button class="secondary" type="submit" form="op.logoutForm">${s.logoutNo}</button>
    </div>`;
  return render(o, s.logoutTitle, body);
}

export function loggedOutPage(o: PageContext): Promise<string> {
  const s = text(o.lang);
  const body = html`<h1>${s.loggedOutTitle}</h1>
    <p>${s.loggedOutBody}</p>`;
  return render(o, s.loggedOutTitle, body);
}
