import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ApiClient } from '../../api/api-client.ts';
import { isApiProblem } from '../../api/api-problem.ts';
import type { EmailChangePending, EmailChangeRequest, PostalAddress, ProfileChanged } from '../../api/schemas.ts';
import { GpElement } from '../../internal/gp-element.ts';
import { renderError, renderLoading } from '../../internal/states.ts';
import { forms } from '../../styles/forms.ts';
import { checkDraft, draftOf, normalizeEmail, patchOf, type FieldErrors, type ProfileData, type ProfileDraft } from './profile-rules.ts';
import styles from './profile.styles.ts';

type Notice = { kind: 'saved'; changed: ProfileChanged['changed'] } | { kind: 'pending'; email: string };

/** An open form: its refusals by field, its last failure, whether its request runs. */
interface FormState {
  errors: FieldErrors;
  error?: unknown;
  busy?: boolean;
}

interface FieldOptions {
  type?: string;
  autocomplete: string;
  hint?: string;
  inputmode?: string;
  maxlength?: number;
}

const addressText = (a: PostalAddress) => `${a.postcode} ${a.city}, ${a.addressLine}`;

/** The first refusal of each field of a 422, keyed by the API's field name. */
const fieldsOf = (error: unknown): FieldErrors =>
  isApiProblem(error) ? Object.fromEntries([...error.fields].reverse().map((f) => [f.field, f.code])) : {};

/**
 * The logged-in customer's own data (`GET /me`): name, customer number, birth date or tax number,
 * e-mail, phone, home and correspondence address, and the language of letters.
 *
 * "Change details" turns the list into a form for what the customer may change themselves
 * (phone, correspondence address, language of letters); only the changed fields are sent
 * (`PATCH /me`), checked first with the API's own rules. The e-mail address (the login name)
 * has its own small form: the new address and the current password (`POST /me/email-change`);
 * the change applies once the customer confirms the link sent to the new address. The password
 * is never kept: the field is emptied after every request.
 *
 * @summary The customer's own data: view, change contact details, change the e-mail address.
 *
 * @event {GpErrorEvent} gp-error - Loading or saving failed (`event.action`: `load-profile`,
 *   `update-profile`, `email-change`; `event.code` the API's problem code).
 *
 * @csspart base - The widget's frame (a section labelled by its heading).
 * @csspart heading - The "My details" heading.
 * @csspart notice - The live region announcing a saved change or a pending e-mail change.
 * @csspart details - The description list of the customer's data.
 * @csspart edit-button - The "Change details" button.
 * @csspart edit-form - The contact details form.
 * @csspart input - Each text input of the forms.
 * @csspart field-error - The refusal under a field.
 * @csspart form-error - A form's error message.
 * @csspart save-button - The contact details form's submit button.
 * @csspart cancel-button - Each form's cancel button.
 * @csspart email-section - The e-mail change section.
 * @csspart email-button - The button opening the e-mail change form.
 * @csspart email-form - The e-mail change form.
 * @csspart send-button - The e-mail change form's submit button.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart logged-out - The logged-out state.
 * @csspart login-button - The logged-out state's log-in button.
 */
export default class GpProfile extends GpElement {
  static override styles = [...GpElement.styles, forms, styles];

  @state() accessor profile: ProfileData | undefined;
  @state() accessor loadError: unknown;
  /** The contact details form (with the values typed so far) while it is open. */
  @state() accessor edit: (FormState & { draft: ProfileDraft }) | undefined;
  /** The e-mail change form while it is open (the values stay in the inputs only). */
  @state() accessor mail: FormState | undefined;
  @state() accessor notice: Notice | undefined;

  /** The API the data was loaded through; undefined while nobody is logged in. */
  #loadedFor: ApiClient | undefined;

  protected override willUpdate(): void {
    const api = this.authenticated ? this.api : undefined;
    if (api === this.#loadedFor) return;
    this.#loadedFor = api;
    this.profile = this.edit = this.mail = this.notice = this.loadError = undefined;
    if (api) void this.#load();
  }

  protected override render() {
    const t = this.localize;
    const gate = this.renderGate();
    const loading = !gate && !this.profile && this.loadError === undefined;
    return html`<section part="base" class="profile" lang=${t.lang} aria-labelledby="heading" aria-busy=${loading ? 'true' : 'false'}>
      <h2 part="heading" id="heading">${t.term('profile.heading')}</h2>
      ${gate ??
      (this.profile
        ? this.#renderContent(this.profile)
        : this.loadError !== undefined
          ? renderError(t, this.loadError, () => void this.#load())
          : renderLoading(t))}
    </section>`;
  }

  #renderContent(p: ProfileData) {
    return html`<div part="notice" class="notice success" role="status" aria-live="polite">${this.#noticeText()}</div>
      ${this.edit ? this.#renderForm(this.edit) : this.#renderDetails(p)} ${this.#renderEmail(this.mail)}`;
  }

  #renderDetails(p: ProfileData) {
    const t = this.localize;
    const none = t.term('profile.none');
    const rows: [string, string][] = [
      [t.term('profile.name'), p.name],
      [t.term('profile.customerNumber'), p.customerNumber],
      [t.term('profile.kind'), t.term(`profile.kind.${p.kind}`)],
      p.kind === 'person'
        ? [t.term('profile.birthDate'), p.birthDate ? t.date(p.birthDate, 'long') : none]
        : [t.term('profile.taxNumber'), p.taxNumber ?? none],
      [t.term('profile.email'), p.email ?? none],
      [t.term('profile.phone'), p.phone ?? none],
      [t.term(`profile.address.${p.kind}`), addressText(p.address)],
      [t.term('profile.correspondenceAddress'), p.correspondenceAddress ? addressText(p.correspondenceAddress) : t.term('profile.sameAsHome')],
      [t.term('profile.language'), t.term(`profile.lang.${p.language}`)],
    ];
    return html`<dl part="details" class="details">
        ${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}
      </dl>
      <button part="edit-button" class="button secondary" type="button" @click=${this.#edit}>${t.term('profile.edit')}</button>`;
  }

  #renderForm({ draft: d, errors, error, busy }: FormState & { draft: ProfileDraft }) {
    const t = this.localize;
    return html`<form part="edit-form" class="form" novalidate aria-labelledby="edit-heading" @submit=${this.#save} @input=${this.#onInput}>
      <h3 id="edit-heading" tabindex="-1">${t.term('profile.editHeading')}</h3>
      <p class="hint">${t.term('profile.editIntro')}</p>
      ${error !== undefined ? html`<p part="form-error" class="notice error" role="alert">${t.problem(error)}</p>` : nothing}
      ${this.#field(errors, 'phone', t.term('profile.phone'), d.phone, { type: 'tel', autocomplete: 'tel', hint: t.term('profile.phoneHint'), maxlength: 40 })}
      <fieldset>
        <legend>${t.term('profile.correspondenceAddress')}</legend>
        <label class="choice"><input type="checkbox" name="separate" .checked=${d.separate} /> ${t.term('profile.separate')}</label>
        ${d.separate
          ? html`${this.#field(errors, 'correspondenceAddress.postcode', t.term('profile.postcode'), d.postcode, { autocomplete: 'postal-code', inputmode: 'numeric', maxlength: 4 })}
            ${this.#field(errors, 'correspondenceAddress.city', t.term('profile.city'), d.city, { autocomplete: 'address-level2' })}
            ${this.#field(errors, 'correspondenceAddress.addressLine', t.term('profile.addressLine'), d.addressLine, { autocomplete: 'address-line1' })}`
          : nothing}
      </fieldset>
      <fieldset>
        <legend>${t.term('profile.language')}</legend>
        ${(['hu', 'en'] as const).map(
          (lang) => html`<label class="choice"><input type="radio" name="language" value=${lang} .checked=${d.language === lang} /> ${t.term(`profile.lang.${lang}`)}</label>`,
        )}
      </fieldset>
      <div class="actions">
        <button part="save-button" class="button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${t.term(busy ? 'profile.saving' : 'action.save')}</button>
        <button part="cancel-button" class="button secondary" type="button" @click=${this.#cancel}>${t.term('action.cancel')}</button>
      </div>
    </form>`;
  }

  #renderEmail(mail: FormState | undefined) {
    const t = this.localize;
    return html`<section part="email-section" class="email" aria-labelledby="email-heading">
      <h3 id="email-heading">${t.term('profile.emailHeading')}</h3>
      <p class="hint">${t.term('profile.emailIntro')}</p>
      ${mail
        ? html`<form part="email-form" class="form" novalidate aria-labelledby="email-heading" @submit=${this.#sendEmail}>
            ${mail.error !== undefined ? html`<p part="form-error" class="notice error" role="alert">${this.#emailProblem(mail.error)}</p>` : nothing}
            ${this.#field(mail.errors, 'newEmail', t.term('profile.newEmail'), undefined, { type: 'email', autocomplete: 'email' })}
            ${this.#field(mail.errors, 'password', t.term('profile.password'), undefined, { type: 'password', autocomplete: 'current-password' })}
            <div class="actions">
              <button part="send-button" class="button" type="submit" aria-disabled=${mail.busy ? 'true' : 'false'}>${t.term(mail.busy ? 'profile.sending' : 'profile.emailSubmit')}</button>
              <button part="cancel-button" class="button secondary" type="button" @click=${this.#closeEmail}>${t.term('action.cancel')}</button>
            </div>
          </form>`
        : html`<button part="email-button" class="button secondary" type="button" @click=${this.#openEmail}>${t.term('profile.emailOpen')}</button>`}
    </section>`;
  }

  /** A labelled input with its hint and refusal; `value` undefined leaves the input uncontrolled. */
  #field(errors: FieldErrors, name: string, label: string, value: string | undefined, o: FieldOptions) {
    const id = name.replace('.', '-');
    const code = errors[name];
    const describedBy = [o.hint ? `${id}-hint` : '', code ? `${id}-error` : ''].join(' ').trim();
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${o.hint ? html`<span id="${id}-hint" class="hint">${o.hint}</span>` : nothing}
      <input
        part="input"
        id=${id}
        name=${name}
        type=${o.type ?? 'text'}
        autocomplete=${o.autocomplete}
        inputmode=${ifDefined(o.inputmode)}
        maxlength=${ifDefined(o.maxlength)}
        .value=${value ?? nothing}
        aria-invalid=${code ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
      />
      <span part="field-error" id="${id}-error" class="field-error">${code ? this.localize.fieldProblem(code) : ''}</span>
    </div>`;
  }

  #noticeText(): string {
    const t = this.localize;
    const n = this.notice;
    if (!n) return '';
    if (n.kind === 'pending') return t.term('profile.emailPending', n.email);
    if (!n.changed.length) return t.term('profile.noChange');
    return t.term('profile.saved', n.changed.map((f) => t.term(`profile.${f}`).toLocaleLowerCase(t.locale)).join(', '));
  }

  #emailProblem(error: unknown): string {
    const t = this.localize;
    const wait = isApiProblem(error) && error.status === 429 && error.retryAfter ? ` ${t.term('profile.retryAfter', Math.ceil(error.retryAfter / 60))}` : '';
    return t.problem(error) + wait;
  }

  async #load(): Promise<void> {
    const api = this.#loadedFor;
    if (!api) return;
    this.loadError = undefined;
    try {
      const profile = await api.get<ProfileData>('/me');
      if (api === this.#loadedFor) this.profile = profile;
    } catch (error) {
      if (api === this.#loadedFor) this.loadError = this.reportError(error, 'load-profile');
    }
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Shows the refusals; true (and the first refused field focused) when there are any. */
  #refused(errors: FieldErrors, form: string): boolean {
    if (Object.keys(errors).length === 0) return false;
    void this.#focus(`[part~="${form}"] [aria-invalid="true"]`);
    return true;
  }

  #edit = (): void => {
    if (!this.profile) return;
    this.edit = { draft: draftOf(this.profile), errors: {} };
    this.notice = undefined;
    void this.#focus('#edit-heading');
  };

  #cancel = (): void => {
    this.edit = undefined;
    void this.#focus('[part~="edit-button"]');
  };

  #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (!this.edit) return;
    const key = input.name.replace('correspondenceAddress.', '');
    this.edit = { ...this.edit, draft: { ...this.edit.draft, [key]: input.type === 'checkbox' ? input.checked : input.value } };
  };

  #save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { profile, edit } = this;
    const api = this.#loadedFor;
    if (!api || !profile || !edit || edit.busy) return;
    const { draft } = edit;
    const errors = checkDraft(draft);
    this.edit = { draft, errors };
    if (this.#refused(errors, 'edit-form')) return;
    const patch = patchOf(profile, draft);
    if (Object.keys(patch).length === 0) {
      this.#saved({ kind: 'saved', changed: [] });
      return;
    }
    this.edit = { draft, errors, busy: true };
    try {
      const result = await api.patch<ProfileChanged>('/me', patch);
      if (api !== this.#loadedFor) return;
      this.profile = result.profile as ProfileData;
      this.#saved({ kind: 'saved', changed: result.changed });
    } catch (error) {
      if (api !== this.#loadedFor) return;
      this.edit = { draft, errors: fieldsOf(error), error: this.reportError(error, 'update-profile') };
      this.#refused(this.edit.errors, 'edit-form');
    }
  };

  #saved(notice: Notice): void {
    this.notice = notice;
    this.#cancel();
  }

  #openEmail = (): void => {
    this.mail = { errors: {} };
    this.notice = undefined;
    void this.#focus('#newEmail');
  };

  #closeEmail = (): void => {
    this.mail = undefined;
    void this.#focus('[part~="email-button"]');
  };

  #sendEmail = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.#loadedFor;
    if (!api || !this.profile || this.mail?.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const emailInput = form.elements.namedItem('newEmail') as HTMLInputElement;
    const passwordInput = form.elements.namedItem('password') as HTMLInputElement;
    const newEmail = normalizeEmail(emailInput.value);
    const errors: FieldErrors = {};
    if (!emailInput.value.trim()) errors.newEmail = 'required';
    else if (!newEmail) errors.newEmail = 'invalid_email';
    else if (newEmail === this.profile.email?.toLowerCase()) errors.newEmail = 'email_unchanged';
    if (!passwordInput.value) errors.password = 'required';
    else if (passwordInput.value.length > 1024) errors.password = 'too_long';
    this.mail = { errors };
    if (this.#refused(errors, 'email-form')) return;
    this.mail = { errors, busy: true };
    try {
      const body: EmailChangeRequest = { newEmail: newEmail!, password: passwordInput.value };
      await api.post<EmailChangePending>('/me/email-change', body);
      if (api !== this.#loadedFor) return;
      this.notice = { kind: 'pending', email: newEmail! };
      this.#closeEmail();
    } catch (error) {
      if (api !== this.#loadedFor) return;
      this.mail = { errors: fieldsOf(error), error: this.reportError(error, 'email-change') };
      this.#refused(this.mail.errors, 'email-form');
    } finally {
      passwordInput.value = '';
    }
  };
}
