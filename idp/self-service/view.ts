import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { FieldError } from '../pages/form.ts';
import type { Language } from '../../common/language.ts';
import { page } from '../pages/layout.ts';
import type { PageEnv } from '../pages/security.ts';

/**
 * The self-service pages' small additions to the page kit: every message carries its stable
 * code in `data-code` (tests and support staff key on the code, never on the wording); a page
 * whose only content is a form names itself in `data-page` on the form.
 */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A field's error with its stable code. */
export interface CodedError extends FieldError {
  code: string;
}

/** A message not tied to one field; errors are announced at once, the rest politely. */
export function codedNotice(kind: 'error' | 'success' | 'info', code: string, message: string | Html): Html {
  return html`<div class="notice notice-${kind}" role="${kind === 'error' ? 'alert' : 'status'}" data-code="${code}">${message}</div>`;
}

/** The kit's error summary (each problem links to its field), with each problem's code. */
export function codedErrorSummary(title: string, errors: readonly CodedError[]): Html {
  if (!errors.length) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${title}</h2>
    <ul>
      ${errors.map((e) => html`<li data-code="${e.code}"><a href="#${e.field}">${e.message}</a></li>`)}
    </ul>
  </div>`;
}

export interface RenderOptions {
  lang: Language;
  title: string;
  body: Html;
  status?: ContentfulStatusCode;
  /** Where the language switch should lead (defaults to the current GET URL). */
  currentUrl?: string;
  headers?: Record<string, string>;
}

export function render(c: Context<PageEnv>, o: RenderOptions): Response | Promise<Response> {
  const url = new URL(c.req.url);
  const markup = page({
    lang: o.lang,
    title: o.title,
    nonce: c.get('nonce'),
    currentUrl: o.currentUrl ?? `${url.pathname}${url.search}`,
    body: o.body,
  });
  for (const [name, value] of Object.entries(o.headers ?? {})) c.header(name, value);
  return c.html(markup, o.status ?? 200);
}

/** A form's action on this server, keeping the page's language for the answer. */
export function actionUrl(path: string, lang: Language, params: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...params, lang });
  return `${path}?${search.toString()}`;
}

/** Reads one urlencoded form field as a string ('' when missing or a file). */
export function formString(form: Record<string, string | File | (string | File)[]>, name: string): string {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}
