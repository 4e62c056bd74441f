import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/api-client.ts';
import { isApiProblem } from '../../api/api-problem.ts';
import type { EmailChangePending, EmailChangeRequest, PostalAddress, ProfileChanged } from '../../api/schemas.ts';
import { GpProfileChangedEvent } from '../../events/profile-changed.ts';
import { LANGS } from '../../i18n/lang.ts';
import { GpElement } from '../../internal/gp-element.ts';
import { renderError, renderLoading } from '../../internal/states.ts';
import { forms } from '../../styles/forms.ts';
import { withStepUp } from '../../auth/step-up.ts';
import { SecuritySection } from './profile-security.ts';
import { checkDraft, draftOf, normalizeEmail, patchOf, type FieldErrors, type ProfileData, type ProfileDraft } from './profile-rules.ts';
import styles from './profile.styles.ts';

/** The answer of `PATCH /me` (with `ProfileData`'s nullable correspondence address). */
type Saved = { profile: ProfileData; changed: ProfileChanged['changed'] };

/** An open form: its refusals by field, its last failure, whether its request runs. */
interface FormState {
  errors: FieldErrors;
  error?: unknown;
  busy?: boolean;
}

/** Everything the widget shows besides the portal's context. */
interface ProfileView {
  profile?: ProfileData;
  loadError?: unknown;
  /** The contact details form (with the values typed so far) while it is open. */
  edit?: FormState & { draft: ProfileDraft };
  /** The e-mail change form while it is open (the values stay in the inputs only). */
  email?: FormState;
  /** The text of the notice (a function, so that it follows the language). */
  notice?: () => string;
}

const addressText = (a: PostalAddress) => `${a.postcode} ${a.city}, ${a.addressLine}`;

/** The first refusal of each field of a 422, keyed by the API's field name. */
const fieldsOf = (error: unknown): FieldErrors => (isApiProblem(error) ? Object.fromEntries([...error.fields].reverse().map((f) => [f.field, f.code])) : {});

/** A field's name without its group: the key of its draft value and of its label term. */
const keyOf = (name: string) => name.replace('correspondenceAddress.', '');

/**
 * The logged-in customer's own data (`GET /me`): name, customer number, birth date or tax number,
 * e-mail, phone, home and correspondence address, and the language of letters.
 *
 * "Change details" turns the list into a form for what the customer may change themselves
 * (phone, correspondence address, language of letters); only the changed fields are sent
 * (`PATCH /me`), checked first with the API's own rules. The e-mail address (the login name)
 * has its own small form: the new address and the current password (`POST /me/email-change`);
 * the change applies once the customer confirms the link sent to the new address. The password
 * is never kept: the field is emptied after every request. Step-up: when the API wants a fresher
 * log-in (`reauthentication_required`), the log-in popup opens again (the portal's
 * `reauthenticate`, same session) and the same request is sent again: nothing is retyped.
 *
 * The "Security" section lists where the customer is logged in (through which partner site,
 * browser and OS, since when, last used), ends one session or all others after an inline
 * confirmation, shows the passkeys and two-step status, and links to the insurer's security and
 * change-password pages (new tab).
 *
 * @summary The customer's own data: view, change contact details, change the e-mail address.
 *
 * @event {GpProfileChangedEvent} gp-profile-changed - The customer saved a change of their data
 *   (`event.changed`: what changed, e.g. `['phone']`; never the values).
 * @event {GpErrorEvent} gp-error - Loading or saving failed (`event.action`: `load-profile`,
 *   `update-profile`, `email-change`, `load-security`, `end-session`; `event.code` the API's problem code).
 *
 * @csspart base - The widget's frame (a section labelled by its heading).
 * @csspart heading - The "My details" heading.
 * @csspart notice - The live region announcing a saved change or a pending e-mail change.
 * @csspart details - The description list of the customer's data.
 * @csspart address-note - Under the correspondence address: letters go there, except a contract's with an address of its own.
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
 * @csspart security-section - The "Security" section.
 * @csspart security-notice - Its live region (a session ended).
 * @csspart session-list - The list of sessions; `session` each item, `session-current` the "this session" badge.
 * @csspart end-session-button - A session's log-out button; `end-others-button` the "log out everywhere else" one.
 * @csspart confirm - The inline confirmation; `confirm-button` its "yes" button.
 * @csspart security-methods - Passkeys and two-step status.
 * @csspart manage-link - The link to the insurer's security page; `password-link` to its change-password page.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart logged-out - The logged-out state.
 * @csspart login-button - The logged-out state's log-in button.
 */
export default class GpProfile extends GpElement {
  static override styles = [...GpElement.styles, forms, styles];
  static override termParts = ['profile'] as const;

  @state() accessor view: ProfileView = {};

  /** The "Security" section: sessions, passkeys and two-step status (./profile-security.ts). */
  readonly #security = new SecuritySection(this, {
    api: () => this.sessionApi,
    localize: this.localize,
    report: (error, action) => this.reportError(error, action),
  });

  /**
   * The customer's data, loaded afresh for every session: a new session (or none) clears the
   * view and aborts a load still under way, whose answer is then dropped.
   */
  readonly #loader = new Task(this, {
    args: () => [this.sessionApi] as const,
    task: ([api], { signal }) => {
      this.view = {};
      return api ? api.get<ProfileData>('/me', undefined, signal) : initialState;
    },
    onComplete: (profile) => this.#set({ profile }),
    onError: (error) => this.#set({ loadError: this.reportError(error, 'load-profile') }),
  });

  #set(patch: ProfileView): void {
    this.view = { ...this.view, ...patch };
  }

  /** The term `profile.<key>`. */
  #t(key: string): string {
    return this.localize.term(`profile.${key}` as 'profile.name');
  }

  protected override render() {
    const t = this.localize;
    const { profile, loadError, edit, email } = this.view;
    const gate = this.renderGate();
    return html`<section part="base" lang=${t.lang} aria-labelledby="heading" aria-busy=${!gate && !profile && loadError === undefined}>
      <h2 part="heading" id="heading">${this.#t('heading')}</h2>
      ${
        gate ??
        (profile
          ? html`<div part="notice" class="notice success" role="status" aria-live="polite">${this.view.notice?.()}</div>
            ${edit ? this.#renderForm(edit) : this.#renderDetails(profile)} ${this.#renderEmail(email)} ${this.#security.render()}`
          : loadError !== undefined
            ? renderError(t, loadError, () => void this.#loader.run())
            : renderLoading(t))
      }
    </section>`;
  }

  #renderDetails(p: ProfileData) {
    const a = p.correspondenceAddress;
    const rows = {
      name: p.name,
      customerNumber: p.customerNumber,
      kind: this.#t(`kind.${p.kind}`),
      ...(p.kind === 'person' ? { birthDate: p.birthDate && this.localize.date(p.birthDate, 'long') } : { taxNumber: p.taxNumber }),
      email: p.email,
      phone: p.phone,
      [`address.${p.kind}`]: addressText(p.address),
      correspondenceAddress: html`${a ? addressText(a) : this.#t('sameAsHome')}
        <span part="address-note" class="hint address-note">${this.#t('addressNote')}</span>`,
      language: this.#t(`lang.${p.language}`),
    };
    return html`<dl part="details">
        ${Object.entries(rows).map(([key, value]) => html`<div><dt>${this.#t(key)}</dt><dd>${value || this.#t('none')}</dd></div>`)}
      </dl>
      <button part="edit-button" class="button secondary" type="button" @click=${this.#edit}>${this.#t('edit')}</button>`;
  }

  #renderForm({ draft: d, errors, error, busy }: FormState & { draft: ProfileDraft }) {
    return html`<form part="edit-form" novalidate aria-labelledby="edit-heading" @submit=${this.#save} @input=${this.#onInput}>
      <h3 id="edit-heading" tabindex="-1">${this.#t('editHeading')}</h3>
      <p class="hint">${this.#t('editIntro')}</p>
      ${this.#formError(error)} ${this.#field(errors, 'phone', d.phone, 'tel', 'tel', 40, true)}
      <fieldset>
        <legend>${this.#t('correspondenceAddress')}</legend>
        <p class="hint">${this.#t('addressNote')}</p>
        <label class="choice"><input type="checkbox" name="separate" .checked=${d.separate} /> ${this.#t('separate')}</label>
        ${
          d.separate
            ? [
                this.#field(errors, 'correspondenceAddress.postcode', d.postcode, 'postal-code', 'text', 4, false, 'numeric'),
                this.#field(errors, 'correspondenceAddress.city', d.city, 'address-level2'),
                this.#field(errors, 'correspondenceAddress.addressLine', d.addressLine, 'address-line1'),
              ]
            : nothing
        }
      </fieldset>
      <fieldset>
        <legend>${this.#t('language')}</legend>
        ${LANGS.map(
          (lang) =>
            html`<label class="choice"><input type="radio" name="language" value=${lang} .checked=${d.language === lang} /> ${this.#t(`lang.${lang}`)}</label>`,
        )}
      </fieldset>
      ${this.#actions('save-button', busy, busy ? this.#t('saving') : this.localize.term('action.save'), this.#cancel)}
    </form>`;
  }

  #renderEmail(email: FormState | undefined) {
    const heading = this.#t('emailHeading');
    return html`<section part="email-section" class="email" aria-labelledby="email-heading">
      <h3 id="email-heading">${heading}</h3>
      <p class="hint">${this.#t('emailIntro')}</p>
      ${
        email
          ? html`<form part="email-form" novalidate aria-labelledby="email-heading" @submit=${this.#sendEmail}>
            ${this.#formError(email.error)} ${this.#field(email.errors, 'newEmail', undefined, 'email', 'email')}
            ${this.#field(email.errors, 'password', undefined, 'current-password', 'password')}
            ${this.#actions('send-button', email.busy, this.#t(email.busy ? 'sending' : 'emailSubmit'), this.#closeEmail)}
          </form>`
          : html`<button part="email-button" class="button secondary" type="button" @click=${this.#openEmail}>${heading}</button>`
      }
    </section>`;
  }

  /** A form's error, with how long to wait when the API says so (`Retry-After`). */
  #formError(error: unknown) {
    const t = this.localize;
    const wait = isApiProblem(error) && error.retryAfter ? ` ${t.term('profile.retryAfter', Math.ceil(error.retryAfter / 60))}` : '';
    return error === undefined ? nothing : html`<p part="form-error" class="notice error" role="alert">${t.problem(error) + wait}</p>`;
  }

  /** A form's submit and cancel buttons. */
  #actions(part: string, busy: boolean | undefined, label: string, cancel: () => void) {
    return html`<div class="actions">
      <button part=${part} class="button" type="submit" aria-disabled=${!!busy}>${label}</button>
      <button part="cancel-button" class="button secondary" type="button" @click=${cancel}>${this.localize.term('action.cancel')}</button>
    </div>`;
  }

  /**
   * A labelled input (label `profile.<key>`, hint `profile.<key>Hint`) with its refusal;
   * `value` undefined leaves the input uncontrolled.
   */
  #field(
    errors: FieldErrors,
    name: string,
    value: string | undefined,
    autocomplete: string,
    type = 'text',
    maxlength?: number,
    hint?: boolean,
    inputmode?: string,
  ) {
    const id = name.replace('.', '-');
    const key = keyOf(name);
    const code = errors[name];
    const describedBy = `${hint ? `${id}-hint ` : ''}${code ? `${id}-error` : ''}`.trim();
    return html`<div class="field">
      <label for=${id}>${this.#t(key)}</label>
      ${hint ? html`<span id="${id}-hint" class="hint">${this.#t(`${key}Hint`)}</span>` : nothing}
      <input
        part="input"
        id=${id}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        inputmode=${inputmode ?? nothing}
        maxlength=${maxlength ?? nothing}
        .value=${value ?? nothing}
        aria-invalid=${!!code}
        aria-describedby=${describedBy || nothing}
      />
      <span part="field-error" id="${id}-error" class="field-error">${code ? this.localize.fieldProblem(code) : ''}</span>
    </div>`;
  }

  #savedText(changed: Saved['changed']): string {
    const t = this.localize;
    return changed.length
      ? t.term('profile.saved', changed.map((f) => this.#t(f).toLocaleLowerCase(t.locale)).join(', '))
      : t.term('problem.empty_profile_change');
  }

  /** Shows `patch`, then moves focus to `selector` (if it matches anything). */
  async #go(patch: ProfileView, selector: string): Promise<void> {
    this.#set(patch);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Shows a form's state; true (and the first refused field focused) when it refuses fields. */
  #show(form: 'edit' | 'email', state: FormState): boolean {
    void this.#go({ [form]: state }, `[part~=${form}-form] [aria-invalid=true]`);
    return Object.keys(state.errors).length > 0;
  }

  /**
   * Sends a checked form's request (nothing when `state` refuses fields): `done` gets the answer,
   * a failure shows on the form. Both are dropped if the session changed meanwhile.
   */
  async #submit<T>(
    event: SubmitEvent,
    form: 'edit' | 'email',
    state: FormState,
    action: string,
    send: (api: ApiClient) => Promise<T>,
    done: (answer: T) => void,
  ): Promise<void> {
    event.preventDefault();
    const api = this.sessionApi;
    if (!api || this.view[form]?.busy || this.#show(form, state)) return;
    this.#set({ [form]: { ...state, busy: true } });
    try {
      const answer = await send(api);
      if (api === this.sessionApi) done(answer);
    } catch (error) {
      if (api === this.sessionApi) this.#show(form, { ...state, errors: fieldsOf(error), error: this.reportError(error, action) });
    }
  }

  #edit = () => this.#go({ edit: { draft: draftOf(this.view.profile!), errors: {} }, notice: undefined }, '#edit-heading');

  #cancel = () => this.#go({ edit: undefined }, '[part~=edit-button]');

  #openEmail = () => this.#go({ email: { errors: {} }, notice: undefined }, '#newEmail');

  #closeEmail = () => this.#go({ email: undefined }, '[part~=email-button]');

  #onInput = (event: Event): void => {
    const { name, type, checked, value } = event.target as HTMLInputElement;
    const { edit } = this.view;
    if (edit) this.#set({ edit: { ...edit, draft: { ...edit.draft, [keyOf(name)]: type === 'checkbox' ? checked : value } } });
  };

  #save = (event: SubmitEvent): void => {
    const profile = this.view.profile!;
    const { draft } = this.view.edit!;
    void this.#submit(
      event,
      'edit',
      { draft, errors: checkDraft(draft) } as FormState,
      'update-profile',
      (api) => {
        const patch = patchOf(profile, draft);
        return Object.keys(patch).length ? api.patch<Saved>('/me', patch) : Promise.resolve({ profile, changed: [] });
      },
      (result) => {
        this.#go({ profile: result.profile, notice: () => this.#savedText(result.changed), edit: undefined }, '[part~=edit-button]');
        if (result.changed.length) this.dispatchEvent(new GpProfileChangedEvent(result.changed));
      },
    );
  };

  #sendEmail = (event: SubmitEvent): void => {
    const { elements } = event.currentTarget as HTMLFormElement;
    const emailInput = elements.namedItem('newEmail') as HTMLInputElement;
    const passwordInput = elements.namedItem('password') as HTMLInputElement;
    const newEmail = normalizeEmail(emailInput.value);
    const password = passwordInput.value;
    const errors: FieldErrors = {};
    if (!emailInput.value.trim()) errors.newEmail = 'required';
    else if (!newEmail) errors.newEmail = 'invalid_email';
    else if (newEmail === this.view.profile!.email?.toLowerCase()) errors.newEmail = 'email_unchanged';
    if (!password) errors.password = 'required';
    else if (password.length > 1024) errors.password = 'too_long';
    const body: EmailChangeRequest = { newEmail: newEmail!, password };
    void this.#submit(
      event,
      'email',
      { errors },
      'email-change',
      // The password is never kept: emptied after every request.
      // Step-up: a log-in older than five minutes is renewed in the popup and the same request sent again.
      (api) =>
        withStepUp(
          () => api.post<EmailChangePending>('/me/email-change', body),
          () => this.context!.reauthenticate(),
        ).finally(() => (passwordInput.value = '')),
      () => this.#go({ notice: () => this.localize.term('profile.emailPending', newEmail!), email: undefined }, '[part~=email-button]'),
    );
  };
}
