import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A field's error: `message` is already translated. */
export interface FieldError {
  field: string;
  message: string;
}

export interface FieldOptions {
  name: string;
  label: string;
  /** No `date`: a date input shows the browser's format, not the page's; dates are text with a hint. */
  type?: 'text' | 'email' | 'password' | 'tel';
  value?: string;
  hint?: string;
  autocomplete?: string;
  inputmode?: 'numeric' | 'text' | 'email' | 'tel';
  required?: boolean;
  maxlength?: number;
  pattern?: string;
  errors?: readonly FieldError[];
  /** Focus this field on load (the first field with an error, or the first field). */
  autofocus?: boolean;
}

/**
 * A labelled input whose hint and error are tied to it (`aria-describedby`), marked
 * `aria-invalid` when wrong. Passwords are never echoed back.
 */
export function field(o: FieldOptions): Html {
  const error = o.errors?.find((e) => e.field === o.name);
  const hintId = o.hint ? `${o.name}-hint` : null;
  const errorId = error ? `${o.name}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const value = o.type === 'password' ? '' : (o.value ?? '');
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${o.name}">${o.label}</label>
    ${o.hint ? html`<p class="hint" id="${hintId}">${o.hint}</p>` : ''}
    ${error ? html`<p class="error" id="${errorId}">${error.message}</p>` : ''}
    <input id="${o.name}" name="${o.name}" type="${o.type ?? 'text'}" value="${value}"
      ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''}
      ${o.inputmode ? html`inputmode="${o.inputmode}"` : ''}
      ${o.maxlength ? html`maxlength="${String(o.maxlength)}"` : ''}
      ${o.pattern ? html`pattern="${o.pattern}"` : ''}
      ${o.required === false ? '' : html`required aria-required="true"`}
      ${error ? html`aria-invalid="true"` : ''}
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
      ${o.autofocus ? html`autofocus` : ''} />
  </div>`;
}

/** The list of problems at the top of a form, each linking to its field; announced at once. */
export function errorSummary(title: string, errors: readonly FieldError[]): Html {
  if (!errors.length) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${title}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}
    </ul>
  </div>`;
}

/** A message not tied to one field (e.g. "wrong e-mail or password"), announced politely. */
export function notice(kind: 'error' | 'success' | 'info', message: string): Html {
  return html`<div class="notice notice-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${message}</div>`;
}

/** The first field that has an error, else the first field: where focus goes on load. */
export function focusTarget(fieldOrder: readonly string[], errors: readonly FieldError[]): string | undefined {
  return fieldOrder.find((name) => errors.some((e) => e.field === name)) ?? fieldOrder[0];
}
