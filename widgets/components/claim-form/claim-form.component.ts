import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ApiClient } from '../../api/api-client.ts';
import { isApiProblem } from '../../api/api-problem.ts';
import type { ClaimList, ClaimSummary, PolicyList, PolicySummary, ReportedClaim } from '../../api/schemas.ts';
import { GpClaimSubmittedEvent } from '../../events/claim-submitted.ts';
import { isTermKey } from '../../i18n/translate.ts';
import { GpElement } from '../../internal/gp-element.ts';
import { renderEmpty, renderError, renderLoading } from '../../internal/states.ts';
import { forms } from '../../styles/forms.ts';
import {
  ACCEPT,
  addFiles,
  budapestNow,
  CLAIM_TYPES,
  earliestDate,
  emptyDraft,
  fieldOf,
  formDataOf,
  isMotor,
  LIMITS,
  stepOf,
  stepsFor,
  validateStep,
  type ClaimDraft,
  type FieldErrors,
  type Step,
} from './claim-rules.ts';
import styles from './claim-form.styles.ts';

type TextField = 'description' | 'date' | 'time' | 'place' | 'opName' | 'opPlate' | 'opInsurer';

/**
 * The claim report (kárbejelentés) in steps, and the customer's claims with their status.
 *
 * Reporting runs one step at a time: the live policy, what happened (type of loss fitting the
 * product, description), when and where, the other vehicle (motor products
 * only), attachments (JPEG, PNG, PDF; 10 files, 10 MB each, 25 MB together) and a review with
 * links back to each step. Each step is checked before the next, with the API's own rules;
 * refusals of the API lead back to the step holding the field. The upload shows its progress;
 * on success the claim number is announced and focused, and `gp-claim-submitted` fires.
 *
 * The list shows each claim's number, policy, type, date and current status, with its status
 * history to expand.
 *
 * @summary Report a claim with attachments, and follow the customer's claims.
 *
 * @event {GpClaimSubmittedEvent} gp-claim-submitted - A claim was reported; `event.claim` is the API's `ReportedClaim` (`claimNumber`, `id`, `status` …).
 * @event {GpErrorEvent} gp-error - Loading or reporting failed (`event.code`, `event.action`: `load-policies`, `load-claims`, `report-claim`).
 *
 * @csspart base - The widget's frame.
 * @csspart heading - The widget's heading.
 * @csspart views - The group switching between the report and the list.
 * @csspart view-button - Each view button (`[aria-pressed="true"]` is the current one).
 * @csspart form - The report form.
 * @csspart step-heading - The current step's heading (focused on each step).
 * @csspart step-indicator - "Step 2 of 6" inside the step heading.
 * @csspart field-error - The message under a refused field.
 * @csspart file-input - The file chooser.
 * @csspart files - The list of chosen files.
 * @csspart file - One chosen file.
 * @csspart remove-button - The button removing one chosen file.
 * @csspart review - The summary of the report on the last step.
 * @csspart edit-button - The buttons going back to a step from the review.
 * @csspart form-error - The message when the report was refused or failed.
 * @csspart progress - The upload's progress bar.
 * @csspart back-button - The Back button.
 * @csspart next-button - The Next button.
 * @csspart submit-button - The button sending the report.
 * @csspart result - The live region announcing the reported claim.
 * @csspart claim-number - The reported claim's number (focused after reporting).
 * @csspart another-button - The button starting another report.
 * @csspart claims - The list of the customer's claims.
 * @csspart claim - One claim of the list.
 * @csspart status - A claim's current status.
 * @csspart history - A claim's status history (a disclosure).
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart empty - The empty state.
 * @csspart logged-out - The logged-out state.
 * @csspart login-button - The logged-out state's log-in button.
 */
export default class GpClaimForm extends GpElement {
  static override styles = [...GpElement.styles, forms, styles];

  /** What shows: `report` (the form, default) or `list` (the customer's claims). */
  @property({ reflect: true }) accessor view: 'report' | 'list' = 'report';

  /** A policy to report on, preselected when it is one of the customer's live policies. */
  @property({ attribute: 'policy-id' }) accessor policyId = '';

  @state() accessor policies: PolicySummary[] | undefined;
  @state() accessor policiesError: unknown;
  @state() accessor claims: ClaimSummary[] | undefined;
  @state() accessor claimsError: unknown;
  @state() accessor draft: ClaimDraft = emptyDraft();
  @state() accessor step: Step = 'policy';
  @state() accessor errors: FieldErrors = {};
  /** Files refused when chosen, with the reason. */
  @state() accessor refused: { name: string; code: string }[] = [];
  /** Why the last report failed (an ApiProblem or another error). */
  @state() accessor failure: unknown;
  /** Bytes sent and in total while the report uploads. */
  @state() accessor progress: [number, number] | undefined;
  @state() accessor reported: ReportedClaim | undefined;

  #api: ApiClient | undefined;
  #loading = new Set<string>();
  #upload: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#upload?.abort();
  }

  protected override willUpdate(): void {
    const api = this.authenticated ? this.api : undefined;
    if (api !== this.#api) {
      // A new session (or none): nothing of the previous customer stays.
      this.#api = api;
      this.#upload?.abort();
      this.#loading.clear();
      this.policies = this.claims = this.reported = this.progress = undefined;
      this.policiesError = this.claimsError = this.failure = undefined;
      this.draft = emptyDraft();
      this.step = 'policy';
      this.errors = {};
      this.refused = [];
    }
    if (api) this.#load(api);
  }

  #load(api: ApiClient): void {
    if (this.view === 'list' ? this.claims || this.claimsError : this.policies || this.policiesError) return;
    void (this.view === 'list' ? this.#loadClaims(api) : this.#loadPolicies(api));
  }

  async #loadPolicies(api: ApiClient): Promise<void> {
    if (this.#loading.has('policies')) return;
    this.#loading.add('policies');
    try {
      const items: PolicySummary[] = [];
      for (let page = 1; ; page++) {
        const list = await api.get<PolicyList>('/policies', { status: 'active', page, pageSize: 100 });
        items.push(...list.items);
        if (items.length >= list.total || list.items.length === 0) break;
      }
      if (api !== this.#api) return;
      this.policies = items.filter((p) => p.status === 'active');
      if (this.policyId && !this.draft.policyId && this.policies.some((p) => String(p.id) === this.policyId)) {
        this.draft = { ...this.draft, policyId: this.policyId };
        this.step = 'what';
      }
    } catch (error) {
      if (api === this.#api) this.policiesError = this.reportError(error, 'load-policies');
    } finally {
      this.#loading.delete('policies');
    }
  }

  async #loadClaims(api: ApiClient): Promise<void> {
    if (this.#loading.has('claims')) return;
    this.#loading.add('claims');
    try {
      // The newest 100 (the API's largest page): more than any customer reports online.
      const list = await api.get<ClaimList>('/claims', { pageSize: 100 });
      if (api === this.#api) this.claims = list.items;
    } catch (error) {
      if (api === this.#api) this.claimsError = this.reportError(error, 'load-claims');
    } finally {
      this.#loading.delete('claims');
    }
  }

  #retry = (): void => {
    this.policiesError = this.claimsError = undefined;
  };

  get #policy(): PolicySummary | undefined {
    return this.policies?.find((p) => String(p.id) === this.draft.policyId);
  }

  get #steps(): Step[] {
    return stepsFor(this.#policy?.product);
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    return html`<section part="base" class="base" lang=${t.lang} aria-labelledby="heading">
      <h2 id="heading" part="heading">${t.term('claimForm.heading')}</h2>
      ${this.renderGate() ?? html`
        <div part="views" class="views" role="group" aria-label=${t.term('claimForm.views')}>
          ${(['report', 'list'] as const).map(
            (view) => html`<button part="view-button" class="button secondary" type="button" aria-pressed=${view === this.view ? 'true' : 'false'} @click=${() => (this.view = view)}>
              ${t.term(`claimForm.view.${view}`)}
            </button>`,
          )}
        </div>
        ${this.view === 'list' ? this.#renderList() : this.#renderReport()}
      `}
    </section>`;
  }

  // ---- the report ----

  #renderReport(): TemplateResult {
    const t = this.localize;
    const result = html`<div part="result" role="status" aria-live="polite">
      ${this.reported
        ? html`<div class="notice success">
            <p class="done">${t.term('claimForm.done')}</p>
            <p part="claim-number" class="claim-number" tabindex="-1">${t.term('claimForm.claimNumber', this.reported.claimNumber)}</p>
            <p>${t.term('claimForm.doneText')}</p>
          </div>`
        : nothing}
    </div>`;
    if (this.reported) {
      return html`${result}
        <div class="actions"><button part="another-button" class="button" type="button" @click=${this.#another}>${t.term('claimForm.another')}</button></div>`;
    }
    if (!this.policies) return this.policiesError ? renderError(t, this.policiesError, this.#retry) : renderLoading(t);
    if (!this.policies.length) return renderEmpty(t.term('claimForm.noPolicies'));
    const steps = this.#steps;
    const index = steps.indexOf(this.step);
    const busy = !!this.progress;
    return html`${result}
      <form part="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h3 part="step-heading" class="step-heading" tabindex="-1">
          <span part="step-indicator" class="step-indicator">${t.term('claimForm.stepOf', index + 1, steps.length)}</span>
          ${t.term(`claimForm.step.${this.step}`)}
        </h3>
        ${this.#renderStep()} ${this.#renderFailure()}
        ${this.progress
          ? html`<div class="field">
              <label for="progress">${t.term('claimForm.uploading')}</label>
              <progress id="progress" part="progress" max=${this.progress[1]} .value=${this.progress[0]}></progress>
            </div>`
          : nothing}
        <div class="actions">
          ${index > 0
            ? html`<button part="back-button" class="button secondary" type="button" ?disabled=${busy} @click=${() => this.#goto(steps[index - 1]!)}>
                ${t.term('action.back')}
              </button>`
            : nothing}
          ${this.step === 'review'
            ? html`<button part="submit-button" class="button" type="submit" ?disabled=${busy}>${t.term('claimForm.submit')}</button>`
            : html`<button part="next-button" class="button" type="submit">${t.term('action.next')}</button>`}
        </div>
      </form>`;
  }

  #renderStep(): TemplateResult {
    const t = this.localize;
    const policy = this.#policy;
    switch (this.step) {
      case 'policy':
        return this.#choices(
          'policyId',
          t.term('claimForm.policy'),
          this.policies!.map((p) => [String(p.id), `${p.productName[t.lang]} – ${p.policyNumber}`, p.insuredObjectLabel]),
        );
      case 'what':
        return html`${this.#choices(
            'claimType',
            t.term('claimForm.claimType'),
            (policy ? CLAIM_TYPES[policy.product] : []).map((type) => [type, this.#typeName(type)]),
          )}
          ${this.#input('description', t.term('claimForm.description'), { multiline: true, required: true, hint: t.term('claimForm.descriptionHint', ...LIMITS.description) })}`;
      case 'when': {
        const today = budapestNow().date;
        return html`${this.#input('date', t.term('claimForm.date'), { type: 'date', required: true, min: earliestDate(today, policy), max: today })}
          ${this.#input('time', t.term('claimForm.time'), { type: 'time' })}
          ${this.#input('place', t.term('claimForm.place'), { required: true, autocomplete: 'off' })}`;
      }
      case 'other':
        return html`<p class="hint">${t.term('claimForm.otherHint')}</p>
          ${this.#input('opName', t.term('claimForm.opName'), { autocomplete: 'off' })}
          ${this.#input('opPlate', t.term('claimForm.opPlate'), { hint: t.term('claimForm.opPlateHint'), autocomplete: 'off' })}
          ${this.#input('opInsurer', t.term('claimForm.opInsurer'), { autocomplete: 'off' })}`;
      case 'files':
        return this.#renderFiles();
      default:
        return this.#renderReview();
    }
  }

  /** A radio group; `options` are [value, label, hint?]. */
  #choices(name: 'policyId' | 'claimType', legend: string, options: string[][]): TemplateResult {
    const invalid = this.errors[name] ? 'true' : 'false';
    return html`<fieldset>
      <legend>${legend}</legend>
      ${options.map(
        ([value, label, hint]) => html`<label class="choice">
          <input type="radio" name=${name} .value=${value!} .checked=${this.draft[name] === value} aria-invalid=${invalid} aria-describedby="${name}-error" @change=${this.#onInput} />
          <span>${label}${hint ? html` <span class="hint block">${hint}</span>` : nothing}</span>
        </label>`,
      )}
      ${this.#error(name)}
    </fieldset>`;
  }

  #input(
    name: TextField,
    label: string,
    o: { type?: string; multiline?: boolean; required?: boolean; hint?: string; min?: string; max?: string; autocomplete?: string } = {},
  ): TemplateResult {
    const describedBy = `${o.hint ? `${name}-hint ` : ''}${name}-error`;
    const invalid = this.errors[name] ? 'true' : 'false';
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${o.hint ? html`<span id="${name}-hint" class="hint">${o.hint}</span>` : nothing}
      ${o.multiline
        ? html`<textarea id=${name} name=${name} rows="6" ?required=${o.required} .value=${this.draft[name]} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${this.#onInput}></textarea>`
        : html`<input id=${name} name=${name} type=${o.type ?? 'text'} ?required=${o.required} .value=${this.draft[name]}
            min=${ifDefined(o.min)} max=${ifDefined(o.max)} autocomplete=${ifDefined(o.autocomplete)}
            aria-invalid=${invalid} aria-describedby=${describedBy} @input=${this.#onInput} />`}
      ${this.#error(name)}
    </div>`;
  }

  #error(field: string): TemplateResult {
    const code = this.errors[field];
    return html`<span id="${field}-error" part="field-error" class="field-error">${code ? this.#message(field, code) : ''}</span>`;
  }

  /** The message for a refused field: the widget's own for its codes, else the shared `field.<code>`. */
  #message(field: string, code: string): string {
    const t = this.localize;
    const limits = (LIMITS as Record<string, readonly [number, number]>)[field];
    if (limits && (code === 'too_short' || code === 'too_long')) return t.term('claimForm.err.length', ...limits);
    if (code === 'required' && (field === 'policyId' || field === 'claimType')) return t.term('claimForm.err.choose');
    const key = `claimForm.err.${field === 'files' && code === 'too_large' ? 'total_too_large' : code}`;
    return isTermKey(key) ? t.term(key as 'claimForm.err.empty') : t.fieldProblem(code);
  }

  #renderFiles(): TemplateResult {
    const t = this.localize;
    const files = this.draft.files;
    return html`<div class="field">
        <label for="files">${t.term('claimForm.files')}</label>
        <span id="files-hint" class="hint">${t.term('claimForm.filesHint')}</span>
        <input id="files" part="file-input" type="file" multiple accept=${ACCEPT} aria-invalid=${this.errors.files || this.refused.length ? 'true' : 'false'} aria-describedby="files-hint files-error" @change=${this.#onFiles} />
        <span id="files-error" part="field-error" class="field-error">${[
          ...(this.errors.files ? [this.#message('files', this.errors.files)] : []),
          ...this.refused.map((r) => `${r.name}: ${this.#message('file', r.code)}`),
        ].join(' ')}</span>
      </div>
      <h4 id="file-list" class="file-list-heading">${t.term('claimForm.fileList')}</h4>
      ${files.length
        ? html`<ul part="files" class="files" aria-labelledby="file-list">
            ${files.map(
              (file, i) => html`<li part="file" class="file">
                <span class="file-name">${file.name}</span>
                <span class="hint">${this.#size(file.size)}</span>
                ${this.#error(`file-${i}`)}
                <button part="remove-button" class="button secondary" type="button" @click=${() => this.#removeFile(i)}>
                  ${t.term('claimForm.remove')}<span class="visually-hidden">: ${file.name}</span>
                </button>
              </li>`,
            )}
          </ul>`
        : html`<p class="hint">${t.term('claimForm.noFiles')}</p>`}`;
  }

  #renderReview(): TemplateResult {
    const t = this.localize;
    const d = this.draft;
    const policy = this.#policy;
    const notGiven = t.term('claimForm.notGiven');
    const rows: [string, string, Step][] = [
      [t.term('claimForm.step.policy'), policy ? `${policy.productName[t.lang]} – ${policy.policyNumber}` : notGiven, 'policy'],
      [t.term('claimForm.claimType'), d.claimType ? this.#typeName(d.claimType) : notGiven, 'what'],
      [t.term('claimForm.description'), d.description.trim(), 'what'],
      [t.term('claimForm.date'), `${d.date ? t.date(d.date, 'long') : notGiven}${d.time ? ` ${d.time}` : ''}`, 'when'],
      [t.term('claimForm.place'), d.place.trim(), 'when'],
      ...(isMotor(policy?.product)
        ? ([[t.term('claimForm.step.other'), [d.opName, d.opPlate, d.opInsurer].map((v) => v.trim()).filter(Boolean).join(', ') || notGiven, 'other']] as [string, string, Step][])
        : []),
      [t.term('claimForm.step.files'), d.files.map((f) => f.name).join(', ') || t.term('claimForm.noFiles'), 'files'],
    ];
    return html`<dl part="review" class="review">
      ${rows.map(
        ([label, value, step]) => html`<div class="row">
          <dt>${label}</dt>
          <dd class="value">${value}</dd>
          <dd>
            <button part="edit-button" class="link" type="button" @click=${() => this.#goto(step)}>
              ${t.term('claimForm.edit')}<span class="visually-hidden">: ${label}</span>
            </button>
          </dd>
        </div>`,
      )}
    </dl>`;
  }

  #renderFailure(): TemplateResult | typeof nothing {
    const error = this.failure;
    if (!error) return nothing;
    const t = this.localize;
    const fields = isApiProblem(error) && error.fields.length > 0;
    // Refusals of fields that have no step of their own (contact preference) are told here.
    const extra = Object.entries(this.errors)
      .filter(([field]) => stepOf(field) === 'review')
      .map(([field, code]) => this.#message(field, code));
    return html`<div part="form-error" class="notice error" role="alert">
      <p>${fields ? t.term('claimForm.fixFields') : t.problem(error)}</p>
      ${extra.map((text) => html`<p>${text}</p>`)}
    </div>`;
  }

  #typeName(type: string): string {
    const key = `claimForm.type.${type}`;
    return isTermKey(key) ? this.localize.term(key as 'claimForm.type.fire') : type;
  }

  #size(bytes: number): string {
    const mb = bytes >= 1024 * 1024;
    return new Intl.NumberFormat(this.localize.locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(
      mb ? bytes / 1024 / 1024 : Math.max(0.1, bytes / 1024),
    );
  }

  #onInput = (event: Event): void => {
    const { name, value } = event.target as HTMLInputElement;
    const draft = { ...this.draft, [name]: value };
    if (name === 'policyId') {
      const product = this.policies?.find((p) => String(p.id) === value)?.product;
      if (!product || !CLAIM_TYPES[product].includes(draft.claimType)) draft.claimType = '';
    }
    this.draft = draft;
    if (this.errors[name]) {
      const { [name]: _, ...rest } = this.errors;
      this.errors = rest;
    }
  };

  #onFiles = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const { files, refused } = addFiles(this.draft.files, [...(input.files ?? [])]);
    input.value = '';
    this.draft = { ...this.draft, files };
    this.refused = refused;
    this.#clearFileErrors();
  };

  #removeFile(index: number): void {
    this.draft = { ...this.draft, files: this.draft.files.filter((_, i) => i !== index) };
    this.refused = [];
    this.#clearFileErrors();
    void this.#focus('#files');
  }

  #clearFileErrors(): void {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([field]) => stepOf(field) !== 'files'));
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Shows a step; focus goes to its heading, or to its first refused field. */
  async #goto(step: Step, toInvalid = false): Promise<void> {
    this.step = step;
    await this.updateComplete;
    const invalid = toInvalid ? this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]') : null;
    (invalid ?? this.renderRoot.querySelector<HTMLElement>('[part~="step-heading"]'))?.focus();
  }

  /** Checks a step; shows its problems and focuses the first. True when it may be left. */
  #check(step: Step): boolean {
    const problems = validateStep(step, this.draft, this.#policy);
    const others = Object.entries(this.errors).filter(([field]) => stepOf(field) !== step);
    this.errors = { ...Object.fromEntries(others), ...problems };
    if (step === 'files' && !Object.keys(problems).length) this.refused = [];
    return Object.keys(problems).length === 0;
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.progress) return;
    const steps = this.#steps;
    if (this.step === 'review') {
      void this.#submit(steps);
      return;
    }
    if (!this.#check(this.step)) {
      void this.#goto(this.step, true);
      return;
    }
    this.failure = undefined;
    void this.#goto(steps[steps.indexOf(this.step) + 1] ?? 'review');
  };

  async #submit(steps: Step[]): Promise<void> {
    const api = this.#api;
    const bad = steps.find((step) => !this.#check(step));
    if (bad) {
      await this.#goto(bad, true);
      return;
    }
    if (!api) return;
    this.failure = undefined;
    this.progress = [0, 1];
    this.#upload = new AbortController();
    try {
      const claim = await api.upload<ReportedClaim>('/claims', formDataOf(this.draft, this.#policy?.product), {
        onProgress: (loaded, total) => (this.progress = [loaded, total]),
        signal: this.#upload.signal,
      });
      this.progress = undefined;
      this.reported = claim;
      this.draft = emptyDraft();
      this.claims = undefined; // the list shows the new claim next time
      this.dispatchEvent(new GpClaimSubmittedEvent(claim));
      await this.#focus('[part~="claim-number"]');
    } catch (error) {
      this.progress = undefined;
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.failure = this.reportError(error, 'report-claim');
      if (isApiProblem(error) && error.fields.length) {
        const errors: FieldErrors = {};
        for (const { field, code } of error.fields) errors[fieldOf(field)] ??= code;
        this.errors = errors;
        await this.#goto(steps.find((step) => Object.keys(errors).some((field) => stepOf(field) === step)) ?? 'review', true);
      } else {
        await this.#focus('[part~="form-error"]');
      }
    }
  }

  #another = (): void => {
    this.reported = this.failure = undefined;
    this.draft = emptyDraft();
    this.errors = {};
    this.refused = [];
    void this.#goto('policy');
  };

  // ---- the list ----

  #renderList(): TemplateResult {
    const t = this.localize;
    const claims = this.claims;
    if (!claims) return this.claimsError ? renderError(t, this.claimsError, this.#retry) : renderLoading(t);
    if (!claims.length) return renderEmpty(t.term('claimForm.noClaims'));
    return html`<ul part="claims" class="claims" aria-label=${t.term('claimForm.view.list')}>
        ${claims.map(
          (claim) => html`<li part="claim" class="claim">
            <h3 class="claim-title">${claim.claimNumber} – ${claim.claimTypeName[t.lang]}</h3>
            <dl class="claim-facts">
              <div><dt>${t.term('claimForm.claimPolicy')}</dt><dd>${claim.policyNumber}</dd></div>
              <div><dt>${t.term('claimForm.claimDate')}</dt><dd>${t.date(claim.occurredAt)}</dd></div>
              <div>
                <dt>${t.term('claimForm.claimStatus')}</dt>
                <dd><span part="status" class="status ${claim.status}">${t.term(`claimForm.status.${claim.status}`)}</span></dd>
              </div>
            </dl>
            <details part="history" class="history">
              <summary>${t.term('claimForm.history')}</summary>
              <ol>
                ${claim.history.map(
                  (entry) => html`<li>
                    <time datetime=${entry.at}>${t.date(entry.at)}</time> – ${t.term(`claimForm.status.${entry.status}`)}${entry.note
                      ? html`: <span lang="hu">${entry.note}</span>`
                      : nothing}
                  </li>`,
                )}
              </ol>
            </details>
          </li>`,
        )}
    </ul>`;
  }
}
