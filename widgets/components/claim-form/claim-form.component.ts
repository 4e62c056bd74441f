import { Task, initialState } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/api-client.ts';
import { isApiProblem } from '../../api/api-problem.ts';
import type { ClaimSummary, PolicySummary, ReportedClaim } from '../../api/schemas.ts';
import { allPages } from '../../internal/all-pages.ts';
import { GpClaimSubmittedEvent } from '../../events/claim-submitted.ts';
import { isTermKey } from '../../i18n/translate.ts';
import { GpElement } from '../../internal/gp-element.ts';
import { renderEmpty, renderError, renderLoading } from '../../internal/states.ts';
import { forms } from '../../styles/forms.ts';
import {
  addFiles,
  budapestNow,
  CLAIM_TYPES,
  CONTACT_PREFERENCES,
  emptyDraft,
  fieldOf,
  fileProblem,
  formDataOf,
  isClosed,
  isCollision,
  isMotor,
  LIMITS,
  namesOtherParty,
  SITUATIONS,
  stepOf,
  STEPS,
  validateStep,
  parseDamage,
  type ClaimDraft,
  type FieldErrors,
  type Product,
  type Situation,
  type Step,
} from './claim-rules.ts';
import { renderPicker } from './file-picker.ts';
import { Thumbnails } from './thumbnails.ts';
import { parseTypedDate, typedDateOf } from './typed-date.ts';
import styles from './claim-form.styles.ts';
import type { GpNavigateEvent } from '../../events/navigate.ts';

type TextField = 'description' | 'damage' | 'date' | 'time' | 'place' | 'opName' | 'opPlate' | 'opInsurer';

/** Everything the widget shows besides its attributes; replaced as a whole on each change. */
export interface ClaimFormView {
  policies?: PolicySummary[] | undefined;
  policiesError?: unknown;
  claims?: ClaimSummary[] | undefined;
  claimsError?: unknown;
  draft: ClaimDraft;
  step: Step;
  errors: FieldErrors;
  /** Files refused when chosen, with the reason. */
  refused: { name: string; code: string }[];
  /** What the attachments step's live region says after the last change of the files. */
  filesStatus: string;
  /** Files being added to a reported claim from the list (one claim at a time). */
  adding?: AddingFiles | undefined;
  /** What the list's live region says (files added to a claim). */
  listStatus: string;
  /** Why the last report failed (an ApiProblem or another error). */
  failure?: unknown;
  /** Bytes sent and in total while the report uploads. */
  progress?: [number, number] | undefined;
  reported?: ReportedClaim | undefined;
}

/** "Add files" open on one reported claim of the list. */
export interface AddingFiles {
  claimId: number;
  files: File[];
  refused: { name: string; code: string }[];
  status: string;
  progress?: [number, number] | undefined;
  /** Why the last upload failed (an ApiProblem or another error), or `nothing_chosen`. */
  failure?: unknown;
}

/** An empty report on its first step. */
const fresh = (): ClaimFormView => ({ draft: emptyDraft(), step: 'policy', errors: {}, refused: [], filesStatus: '', listStatus: '' });

/**
 * A list task's arguments: the session, and whether its list is needed (shown and neither loaded
 * nor failed). It runs again for a new session, or when the list becomes needed; not when the
 * list stops being needed (that would abort the load under way for nothing).
 */
const stillLoaded = ([api, needed]: readonly [ApiClient | undefined, boolean], [nextApi, nextNeeded]: readonly [ApiClient | undefined, boolean]) =>
  api === nextApi && (needed || !nextNeeded);

const HEADING = '[part~="step-heading"]';
const INVALID = 'form [aria-invalid="true"]';

/**
 * The claim report (kárbejelentés) in steps, and the customer's claims with their status.
 *
 * Reporting runs six steps for every product, so the counter never changes its total: the live
 * policy, what happened (type of loss fitting the product, description, an optional estimate of
 * the damage), when and where (the date typed in the page's format), the other party (motor
 * products: for a collision the customer says whether it is known, unknown, drove off or did
 * not exist, and names it only when known) with how the claims handler makes contact,
 * attachments (a translated picker with drag and drop and thumbnails; JPEG, PNG, PDF by their
 * bytes, checked when chosen; 10 files, 10 MB each, 25 MB together) and a review with links
 * back to each step. Each step is checked before the next, with the API's own rules;
 * refusals of the API lead back to the step holding the field. The upload shows its progress;
 * on success the claim number is announced and focused, and `gp-claim-submitted` fires.
 *
 * The list shows each claim's number, policy, type, date, attachments and current status, with
 * its status history to expand; files can be added to an open claim, and a rejected, paid or
 * closed one says why it takes none.
 *
 * @summary Report a claim with attachments, and follow the customer's claims.
 *
 * @event {GpClaimSubmittedEvent} gp-claim-submitted - A claim was reported; `event.claim` is the API's `ReportedClaim` (`claimNumber`, `id`, `status` …).
 * @event {GpErrorEvent} gp-error - Loading, reporting or adding files failed (`event.code`, `event.action`: `load-policies`, `load-claims`, `report-claim`, `add-files`).
 *
 * @csspart base - The widget's frame.
 * @csspart heading - The widget's heading.
 * @csspart views - The group switching between the report and the list.
 * @csspart view-button - Each view button (`[aria-pressed="true"]` is the current one).
 * @csspart form - The report form.
 * @csspart step-heading - The current step's heading (focused on each step).
 * @csspart step-indicator - "Step 2 of 6" inside the step heading.
 * @csspart field-error - The message under a refused field.
 * @csspart drop-zone - The zone files can be dropped on, around the choose button.
 * @csspart choose-button - The button (the file input's label) opening the browser's file chooser.
 * @csspart file-input - The (visually hidden) file input.
 * @csspart files-status - The live region telling which files were added or removed.
 * @csspart thumbnail - A chosen image's thumbnail (or a PDF's badge).
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
 * @csspart claim - One claim of the list (`claim highlighted` for the `claim-id` one).
 * @csspart status - A claim's current status.
 * @csspart history - A claim's status history (a disclosure).
 * @csspart add-files-button - The button opening "add files" on a claim of the list.
 * @csspart add-files - The form adding files to a reported claim.
 * @csspart upload-button - The button sending the added files.
 * @csspart list-status - The live region announcing files added to a claim.
 * @csspart no-more-files - Why a rejected, paid or closed claim takes no more files (in place of "Add files").
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart empty - The empty state.
 * @csspart logged-out - The logged-out state.
 * @csspart login-button - The logged-out state's log-in button.
 */
export default class GpClaimForm extends GpElement {
  static override styles = [...GpElement.styles, forms, styles];
  static override termParts = ['claimForm'] as const;

  /** What shows: `report` (the form, default) or `list` (the customer's claims). */
  @property({ reflect: true }) accessor view: 'report' | 'list' = 'report';

  /** A policy to report on, preselected when it is one of the customer's live policies. */
  @property({ attribute: 'policy-id' }) accessor policyId = '';

  /**
   * A claim to show in the list (a contract's page or the overview leads here): highlighted, its
   * history open, focused once. A `gp-navigate` to a claim that the page leaves unhandled sets it too.
   */
  @property({ attribute: 'claim-id' }) accessor claimId = '';

  /** The `claim-id` already focused (a new one focuses again). */
  #focusedClaim = '';

  @state() accessor model: ClaimFormView = fresh();

  #upload: AbortController | undefined;

  readonly #thumbnails = new Thumbnails(this);

  /** The check of the files chosen last (their bytes are read): Next waits for it. */
  #checking: Promise<void> = Promise.resolve();

  /** A new session (or none): nothing of the previous customer stays, an upload under way is cancelled. */
  readonly #session = new Task(this, {
    args: () => [this.sessionApi] as const,
    task: () => {
      this.#upload?.abort();
      this.model = fresh();
    },
  });

  /** The live policies, loaded once the report shows (again after a failure's retry). */
  readonly #policiesTask = new Task(this, {
    args: () => [this.sessionApi, this.view === 'report' && !this.model.policies && !this.model.policiesError] as const,
    argsEqual: stillLoaded,
    task: ([api, needed], { signal }) => (api && needed ? this.#policies(api, signal) : initialState),
    onComplete: (policies) => this.#set({ policies }),
    onError: (error) => this.#set({ policiesError: this.reportError(error, 'load-policies') }),
  });

  /** The customer's claims, loaded once the list shows (again after a failure's retry). */
  readonly #claimsTask = new Task(this, {
    args: () => [this.sessionApi, this.view === 'list' && !this.model.claims && !this.model.claimsError] as const,
    argsEqual: stillLoaded,
    task: ([api, needed], { signal }) => (api && needed ? allPages<ClaimSummary>(api, '/claims', {}, signal) : initialState),
    onComplete: (claims) => this.#set({ claims }),
    onError: (error) => this.#set({ claimsError: this.reportError(error, 'load-claims') }),
  });

  #set(patch: Partial<ClaimFormView>): void {
    this.model = { ...this.model, ...patch };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('gp-navigate', this.#onNavigate);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('gp-navigate', this.#onNavigate);
    this.#upload?.abort();
  }

  /**
   * A claim chosen elsewhere on the page (a contract's claims, the overview): this form is on the
   * page, so it shows the claim itself rather than letting the link be followed.
   */
  #onNavigate = (event: GpNavigateEvent): void => {
    if (event.view !== 'claims' || !event.id || event.defaultPrevented) return;
    event.preventDefault();
    this.view = 'list';
    this.claimId = event.id;
    this.#focusedClaim = '';
    this.scrollIntoView({ block: 'start' });
  };

  protected override updated(): void {
    // A file no longer chosen gives its thumbnail's memory back.
    this.#thumbnails.keep([...this.model.draft.files, ...(this.model.adding?.files ?? [])]);
    const wanted =
      this.view === 'list' && this.claimId !== this.#focusedClaim
        ? this.renderRoot.querySelector<HTMLElement>(`#claim-${CSS.escape(this.claimId)} .claim-title`)
        : null;
    if (wanted) {
      this.#focusedClaim = this.claimId;
      wanted.focus();
    }
  }

  /** Every page of the live policies; preselects the `policy-id` one. */
  async #policies(api: ApiClient, signal: AbortSignal): Promise<PolicySummary[]> {
    const live = (await allPages<PolicySummary>(api, '/policies', { status: 'active' }, signal)).filter((p) => p.status === 'active');
    const { draft } = this.model;
    if (!signal.aborted && this.policyId && !draft.policyId && live.some((p) => String(p.id) === this.policyId)) {
      this.#set({ draft: { ...draft, policyId: this.policyId }, step: 'what' });
    }
    return live;
  }

  #retry = (): void => this.#set({ policiesError: undefined, claimsError: undefined });

  /** The loading, error or empty state while a list has nothing to show; undefined once it has. */
  #pending(items: unknown[] | undefined, error: unknown, empty: string): TemplateResult | undefined {
    const t = this.localize;
    return items ? (items.length ? undefined : renderEmpty(empty)) : error ? renderError(t, error, this.#retry) : renderLoading(t);
  }

  #find(id: string): PolicySummary | undefined {
    return this.model.policies?.find((p) => String(p.id) === id);
  }

  get #policy(): PolicySummary | undefined {
    return this.#find(this.model.draft.policyId);
  }

  get #steps(): readonly Step[] {
    return STEPS;
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    return html`<section part="base" class="base" lang=${t.lang} aria-labelledby="heading">
      <h2 id="heading" part="heading">${t.term('claimForm.heading')}</h2>
      ${
        this.renderGate() ??
        html`
        <div part="views" class="views" role="group" aria-label=${t.term('claimForm.views')}>
          ${(['report', 'list'] as const).map(
            (
              view,
            ) => html`<button part="view-button" class="button secondary" type="button" aria-pressed=${view === this.view} @click=${() => (this.view = view)}>
              ${t.term(`claimForm.view.${view}`)}
            </button>`,
          )}
        </div>
        ${this.view === 'list' ? this.#renderList() : this.#renderReport()}
      `
      }
    </section>`;
  }

  // ---- the report ----

  #renderReport(): TemplateResult {
    const t = this.localize;
    const { reported, policies, progress, step } = this.model;
    const steps = this.#steps;
    const index = steps.indexOf(step);
    // A report needs a policy: while there is none (yet), the loading, error or empty state.
    return (
      this.#pending(policies, this.model.policiesError, t.term('claimForm.noPolicies')) ??
      html`<div part="result" role="status" aria-live="polite">
          ${
            reported
              ? html`<div class="notice success">
                <p class="done">${t.term('claimForm.done')}</p>
                <p part="claim-number" class="claim-number" tabindex="-1">${t.term('claimForm.claimNumber', reported.claimNumber)}</p>
                <p>${t.term('claimForm.doneText')}</p>
              </div>`
              : nothing
          }
        </div>
        ${
          reported
            ? html`<div class="actions"><button part="another-button" class="button" type="button" @click=${this.#another}>${t.term('claimForm.another')}</button></div>`
            : html`<form part="form" novalidate aria-busy=${!!progress} @submit=${this.#onSubmit}>
              <h3 part="step-heading" class="step-heading" tabindex="-1">
                <span part="step-indicator" class="step-indicator">${t.term('claimForm.stepOf', index + 1, steps.length)}</span>
                ${this.#stepName(step)}
              </h3>
              ${this.#renderStep()} ${this.#renderFailure()}
              ${
                progress
                  ? html`<div class="field">
                    <label for="progress">${t.term('claimForm.uploading')}</label>
                    <progress id="progress" part="progress" max=${progress[1]} .value=${progress[0]}></progress>
                  </div>`
                  : nothing
              }
              <div class="actions">
                ${
                  index > 0
                    ? html`<button part="back-button" class="button secondary" type="button" ?disabled=${!!progress} @click=${() => this.#goto(steps[index - 1]!)}>
                      ${t.term('action.back')}
                    </button>`
                    : nothing
                }
                ${
                  step === 'review'
                    ? html`<button part="submit-button" class="button" type="submit" ?disabled=${!!progress}>${t.term('claimForm.submit')}</button>`
                    : html`<button part="next-button" class="button" type="submit">${t.term('action.next')}</button>`
                }
              </div>
            </form>`
        }`
    );
  }

  #renderStep(): TemplateResult {
    const t = this.localize;
    const policy = this.#policy;
    switch (this.model.step) {
      case 'policy':
        return this.#choices(
          'policyId',
          this.model.policies!.map((p) => [String(p.id), this.#label(p), p.insuredObjectLabel]),
        );
      case 'what':
        return html`${this.#choices(
          'claimType',
          (policy ? CLAIM_TYPES[policy.product] : []).map((type) => [type, this.#typeName(type)]),
        )}
          ${this.#input('description', { multiline: true, required: true, hint: t.term('claimForm.descriptionHint', ...LIMITS.description) })}
          ${this.#input('damage', { numeric: true, hint: t.term('claimForm.damageHint') })}`;
      case 'when': {
        // Text fields in the page's format: a native date or time input follows the browser's locale, not the page's.
        const example = typedDateOf(budapestNow().date, t.lang);
        return html`${this.#input('date', { required: true, hint: t.term('claimForm.dateHint', example), numeric: true })}
          ${this.#input('time', { hint: t.term('claimForm.timeHint'), numeric: true })}
          ${this.#input('place', { required: true })}`;
      }
      case 'other':
        return html`${isMotor(policy?.product) ? this.#renderOtherParty(policy!.product) : nothing}
          ${this.#choices(
            'contact',
            CONTACT_PREFERENCES.map((c) => [c, t.term(`claimForm.contactPref.${c}`)]),
          )}`;
      case 'files':
        return this.#renderFiles();
      default:
        return this.#renderReview();
    }
  }

  #label(p: PolicySummary): string {
    return `${p.productName[this.localize.lang]} – ${p.policyNumber}`;
  }

  /** The fourth step's heading: the other party comes first on motor products. */
  #stepName(step: Step): string {
    const t = this.localize;
    return step === 'other' && !isMotor(this.#policy?.product) ? t.term('claimForm.step.contact') : t.term(`claimForm.step.${step}`);
  }

  /**
   * A motor loss's other party: a collision asks what the customer knows of it (the product's
   * choices) and asks its details only when it is known; another loss takes them optionally.
   */
  #renderOtherParty(product: Product): TemplateResult {
    const t = this.localize;
    const d = this.model.draft;
    const fields = html`${this.#input('opName')} ${this.#input('opPlate', { hint: t.term('claimForm.opPlateHint') })} ${this.#input('opInsurer')}`;
    if (!isCollision(d.claimType))
      return html`<fieldset><legend>${t.term('claimForm.otherParty')}</legend><p class="hint">${t.term('claimForm.otherHint')}</p>${fields}</fieldset>`;
    const situations = SITUATIONS[product] ?? [];
    return html`${this.#choices(
      'opSituation',
      situations.map((s) => [s, t.term(`claimForm.situation.${product}.${s}` as 'claimForm.situation.casco.known')]),
      t.term(`claimForm.opSituation.${product}` as 'claimForm.opSituation.casco'),
    )}
      ${d.opSituation === 'hit_and_run' ? html`<p class="hint">${t.term('claimForm.hitAndRunHint')}</p>` : nothing}
      ${d.opSituation === 'known' ? fields : nothing}`;
  }

  /** A radio group, its legend the term named after the field (or `legend`); `options` are [value, label, hint?]. */
  #choices(name: 'policyId' | 'claimType' | 'opSituation' | 'contact', options: string[][], legend?: string): TemplateResult {
    return html`<fieldset>
      <legend>${legend ?? this.localize.term(`claimForm.${name}` as 'claimForm.policyId')}</legend>
      ${options.map(
        ([value, label, hint]) => html`<label class="choice">
          <input type="radio" name=${name} .value=${value!} .checked=${this.model.draft[name] === value} aria-invalid=${!!this.model.errors[name]} aria-describedby="${name}-error" @change=${this.#onInput} />
          <span>${label}${hint ? html` <span class="hint block">${hint}</span>` : nothing}</span>
        </label>`,
      )}
      ${this.#error(name)}
    </fieldset>`;
  }

  /**
   * A text field, its label the term named after the field. A plain text input does not
   * autocomplete (these are facts of the loss).
   */
  #input(
    name: TextField,
    o: { type?: string; multiline?: boolean; required?: boolean; hint?: string; min?: string; max?: string; numeric?: boolean } = {},
  ): TemplateResult {
    const describedBy = `${o.hint ? `${name}-hint ` : ''}${name}-error`;
    const invalid = !!this.model.errors[name];
    const value = this.model.draft[name];
    return html`<div class="field">
      <label for=${name}>${this.localize.term(`claimForm.${name}`)}</label>
      ${o.hint ? html`<span id="${name}-hint" class="hint">${o.hint}</span>` : nothing}
      ${
        o.multiline
          ? html`<textarea id=${name} name=${name} rows="6" ?required=${o.required} .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${this.#onInput}></textarea>`
          : html`<input id=${name} name=${name} type=${o.type ?? 'text'} ?required=${o.required} .value=${value}
            min=${o.min ?? nothing} max=${o.max ?? nothing} autocomplete=${o.type ? nothing : 'off'} inputmode=${o.numeric ? 'numeric' : nothing}
            aria-invalid=${invalid} aria-describedby=${describedBy} @input=${this.#onInput} />`
      }
      ${this.#error(name)}
    </div>`;
  }

  #error(field: string, text = this.#message(field, this.model.errors[field])): TemplateResult {
    return html`<span id="${field}-error" part="field-error" class="field-error">${text}</span>`;
  }

  /** The message for a refused field: the widget's own for its codes, else the shared `field.<code>`. */
  #message(field: string, code: string | undefined): string {
    if (!code) return '';
    const t = this.localize;
    const limits = (LIMITS as Record<string, readonly [number, number]>)[field];
    if (limits && (code === 'too_short' || code === 'too_long')) return t.term('claimForm.err.length', ...limits);
    if (code === 'required' && ['policyId', 'claimType', 'opSituation', 'contact'].includes(field)) return t.term('claimForm.err.choose');
    const key = `claimForm.err.${field === 'files' && code === 'too_large' ? 'total_too_large' : code}`;
    return isTermKey(key) ? t.term(key as 'claimForm.err.empty') : t.fieldProblem(code);
  }

  #renderFiles(): TemplateResult {
    const { draft, errors, refused, filesStatus } = this.model;
    return renderPicker(
      this.localize,
      {
        id: 'files',
        files: draft.files,
        error: this.#refusals(errors.files, refused),
        status: filesStatus,
        fileErrors: Object.fromEntries(draft.files.map((_, i) => [i, this.#message('file', errors[`file-${i}`])])),
        disabled: !!this.model.progress,
      },
      this.#thumbnails,
      {
        onChoose: (files) => void this.#chooseReportFiles(files),
        onRemove: (i) => {
          const file = draft.files[i]!;
          this.#setFiles(
            draft.files.filter((_, j) => j !== i),
            '#files',
            [],
            this.localize.term('claimForm.removed', file.name),
          );
        },
      },
    );
  }

  /** The picker's message: the step's own problem, then each refused file by name. */
  #refusals(code: string | undefined, refused: readonly { name: string; code: string }[]): string {
    return [this.#message('files', code), ...refused.map((r) => `${r.name}: ${this.#message('file', r.code)}`)].filter(Boolean).join(' ');
  }

  /** What the live region says after choosing: the files added, then the refusals. */
  #chosenStatus(before: readonly File[], after: readonly File[], refused: readonly { name: string; code: string }[]): string {
    const added = after.filter((f) => !before.includes(f)).map((f) => f.name);
    return [added.length ? this.localize.term('claimForm.added', added.join(', ')) : '', this.#refusals(undefined, refused)].filter(Boolean).join(' ');
  }

  /** Checks the chosen files by their bytes (the API's rule) and adds the good ones; Next waits for it. */
  #chooseReportFiles(incoming: File[]): Promise<void> {
    const check = Promise.all(incoming.map(fileProblem)).then((problems) => {
      const before = this.model.draft.files;
      const { files, refused } = addFiles(before, incoming, problems);
      this.#setFiles(files, undefined, refused, this.#chosenStatus(before, files, refused));
    });
    this.#checking = this.#checking.then(() => check);
    return check;
  }

  #renderReview(): TemplateResult {
    const t = this.localize;
    const d = this.model.draft;
    const policy = this.#policy;
    const notGiven = t.term('claimForm.notGiven');
    // [the label's term, the value, the step holding it]
    const rows: [string, string, Step][] = [
      ['step.policy', policy ? this.#label(policy) : notGiven, 'policy'],
      ['claimType', d.claimType ? this.#typeName(d.claimType) : notGiven, 'what'],
      ['description', d.description.trim(), 'what'],
      ['damage', d.damage.trim() ? t.money(parseDamage(d.damage)!) : notGiven, 'what'],
      ['date', `${parseTypedDate(d.date, t.lang) ? t.date(parseTypedDate(d.date, t.lang)!, 'long') : notGiven}${d.time ? ` ${d.time}` : ''}`, 'when'],
      ['place', d.place.trim(), 'when'],
    ];
    const product = policy?.product;
    if (product && isMotor(product)) {
      const named = namesOtherParty(d, product);
      rows.push([
        'otherParty',
        named
          ? [d.opName, d.opPlate, d.opInsurer]
              .map((v) => v.trim())
              .filter(Boolean)
              .join(', ')
          : isCollision(d.claimType) && d.opSituation
            ? t.term(`claimForm.situation.${product}.${d.opSituation}` as 'claimForm.situation.casco.known')
            : notGiven,
        'other',
      ]);
    }
    rows.push(['contactRow', t.term(`claimForm.contactPref.${d.contact}`), 'other']);
    rows.push(['step.files', d.files.map((f) => f.name).join(', ') || t.term('claimForm.noFiles'), 'files']);
    return html`<dl part="review" class="review">
      ${rows.map(
        ([key, value, step]) => html`<div class="row">
          <dt>${t.term(`claimForm.${key}` as 'claimForm.date')}</dt>
          <dd class="value">${value}</dd>
          <dd>
            <button part="edit-button" class="link" type="button" @click=${() => this.#goto(step)}>
              ${t.term('claimForm.edit')}<span class="visually-hidden">: ${t.term(`claimForm.${key}` as 'claimForm.date')}</span>
            </button>
          </dd>
        </div>`,
      )}
    </dl>`;
  }

  #renderFailure(): TemplateResult | typeof nothing {
    const { failure, errors } = this.model;
    if (!failure) return nothing;
    const t = this.localize;
    // Refusals of fields that have no step of their own (contact preference) are told here.
    return html`<div part="form-error" class="notice error" role="alert">
      <p>${isApiProblem(failure) && failure.fields.length ? t.term('claimForm.fixFields') : t.problem(failure)}</p>
      ${Object.entries(errors).map(([field, code]) => (stepOf(field) === 'review' ? html`<p>${this.#message(field, code)}</p>` : nothing))}
    </div>`;
  }

  #typeName(type: string): string {
    return this.localize.term(`claimForm.type.${type}` as 'claimForm.type.fire');
  }

  #onInput = (event: Event): void => {
    const { name, value } = event.target as HTMLInputElement;
    const draft = { ...this.model.draft, [name]: value };
    if (name === 'policyId') {
      const product = this.#find(value)?.product;
      if (!product || !CLAIM_TYPES[product].includes(draft.claimType)) draft.claimType = '';
      // Hit-and-run is CASCO's: a choice the new product does not offer is asked again.
      if (!product || !SITUATIONS[product]?.includes(draft.opSituation as Situation)) draft.opSituation = '';
    }
    const { [name]: _, ...errors } = this.model.errors;
    this.#set({ draft, errors });
  };

  /** New chosen files: their earlier problems go; `focus` is what gets the focus then, `status` what the live region says. */
  #setFiles(files: File[], focus?: string, refused: ClaimFormView['refused'] = [], status = ''): void {
    this.#set({ draft: { ...this.model.draft, files }, refused, filesStatus: status, errors: this.#errorsBut('files') });
    if (focus) void this.#focus(focus);
  }

  /** The refused fields of every step but `step`. */
  #errorsBut(step: Step): FieldErrors {
    return Object.fromEntries(Object.entries(this.model.errors).filter(([field]) => stepOf(field) !== step));
  }

  /** Focuses the first of `selectors` found after the update. */
  async #focus(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    selectors
      .map((s) => this.renderRoot.querySelector<HTMLElement>(s))
      .find(Boolean)
      ?.focus();
  }

  /** Shows a step; focus goes to its heading, or to `first` (its first refused field). */
  #goto(step: Step, first = HEADING): Promise<void> {
    this.#set({ step });
    return this.#focus(first, HEADING);
  }

  /** Checks a step; shows its problems. True when it may be left. */
  #check(step: Step): boolean {
    const problems = validateStep(step, this.model.draft, this.#policy, this.localize.lang);
    const ok = !Object.keys(problems).length;
    this.#set({ errors: { ...this.#errorsBut(step), ...problems }, ...(step === 'files' && ok && { refused: [] }) });
    return ok;
  }

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    await this.#checking; // files still being read are in (or refused) before the step is checked
    const { step, progress } = this.model;
    const steps = this.#steps;
    if (progress) return;
    if (step === 'review') void this.#submit(steps);
    else if (!this.#check(step)) void this.#goto(step, INVALID);
    else {
      this.#set({ failure: undefined });
      void this.#goto(steps[steps.indexOf(step) + 1] ?? 'review');
    }
  };

  async #submit(steps: readonly Step[]): Promise<void> {
    const api = this.sessionApi;
    const bad = steps.find((step) => !this.#check(step));
    if (bad) return this.#goto(bad, INVALID);
    if (!api) return;
    this.#set({ failure: undefined, progress: [0, 1] });
    const { signal } = (this.#upload = new AbortController());
    try {
      const claim = await api.upload<ReportedClaim>('/claims', formDataOf(this.model.draft, this.#policy?.product, this.localize.lang), {
        onProgress: (loaded, total) => this.#set({ progress: [loaded, total] }),
        signal,
      });
      // The list shows the new claim next time.
      this.#set({ progress: undefined, reported: claim, draft: emptyDraft(), claims: undefined });
      this.dispatchEvent(new GpClaimSubmittedEvent(claim));
      await this.#focus('[part~="claim-number"]');
    } catch (error) {
      this.#set({ progress: undefined });
      if (signal.aborted) return; // the session ended or the widget left the page
      const failure = this.reportError(error, 'report-claim');
      const fields = isApiProblem(error) ? error.fields : [];
      const errors: FieldErrors = {};
      for (const { field, code } of fields) errors[fieldOf(field)] ??= code;
      this.#set(fields.length ? { failure, errors } : { failure });
      await (fields.length
        ? this.#goto(steps.find((step) => Object.keys(errors).some((field) => stepOf(field) === step)) ?? 'review', INVALID)
        : this.#focus('[part~="form-error"]'));
    }
  }

  #another = (): void => {
    this.#set({ ...fresh(), reported: undefined, failure: undefined });
    void this.#focus(HEADING);
  };

  // ---- files added to a reported claim ----

  /** "Add files" on a claim of the list: a button opening the picker, and the upload with its progress. */
  #renderAddFiles(claim: ClaimSummary): TemplateResult {
    const t = this.localize;
    const adding = this.model.adding?.claimId === claim.id ? this.model.adding : undefined;
    const id = `add-files-${claim.id}`;
    const failure = adding?.failure;
    const fields = isApiProblem(failure) ? failure.fields : [];
    const error = [
      this.#refusals(undefined, adding?.refused ?? []),
      failure === 'nothing_chosen' ? t.term('claimForm.err.nothing_chosen') : failure && !fields.length ? t.problem(failure) : '',
      ...fields.map(({ field, code }) => {
        const file = adding!.files[Number(/^attachments\[(\d+)\]/.exec(field)?.[1] ?? -1)];
        return file ? `${file.name}: ${this.#message('file', code)}` : this.#message('files', code);
      }),
    ]
      .filter(Boolean)
      .join(' ');
    return html`<div class="add-files">
      <button part="add-files-button" class="button secondary" type="button" aria-expanded=${!!adding} aria-controls=${id + '-form'} @click=${() => this.#toggleAdding(claim.id)}>
        ${t.term('claimForm.addFiles')}<span class="visually-hidden">: ${claim.claimNumber}</span>
      </button>
      ${
        adding
          ? html`<form id=${id + '-form'} part="add-files" class="add-files-form" novalidate aria-busy=${!!adding.progress} aria-label=${`${t.term('claimForm.addFiles')}: ${claim.claimNumber}`} @submit=${(e: Event) => this.#sendFiles(e, claim)}>
            ${renderPicker(t, { id, files: adding.files, error, status: adding.status, disabled: !!adding.progress }, this.#thumbnails, {
              onChoose: (files) => void this.#chooseAddedFiles(claim.id, files),
              onRemove: (i) =>
                this.#patchAdding(claim.id, {
                  files: adding.files.filter((_, j) => j !== i),
                  refused: [],
                  failure: undefined,
                  status: t.term('claimForm.removed', adding.files[i]!.name),
                }),
            })}
            ${
              adding.progress
                ? html`<div class="field">
                  <label for=${id + '-progress'}>${t.term('claimForm.uploading')}</label>
                  <progress id=${id + '-progress'} part="progress" max=${adding.progress[1]} .value=${adding.progress[0]}></progress>
                </div>`
                : nothing
            }
            <div class="actions">
              <button part="upload-button" class="button" type="submit" ?disabled=${!!adding.progress}>${t.term('claimForm.sendFiles')}</button>
              <button class="button secondary" type="button" ?disabled=${!!adding.progress} @click=${() => this.#toggleAdding(claim.id)}>${t.term('action.cancel')}</button>
            </div>
          </form>`
          : nothing
      }
    </div>`;
  }

  #toggleAdding(claimId: number): void {
    if (this.model.adding?.progress) return;
    this.#set({ adding: this.model.adding?.claimId === claimId ? undefined : { claimId, files: [], refused: [], status: '' }, listStatus: '' });
  }

  #patchAdding(claimId: number, patch: Partial<AddingFiles>): void {
    const { adding } = this.model;
    if (adding?.claimId === claimId) this.#set({ adding: { ...adding, ...patch } });
  }

  async #chooseAddedFiles(claimId: number, incoming: File[]): Promise<void> {
    const problems = await Promise.all(incoming.map(fileProblem));
    const before = this.model.adding?.claimId === claimId ? this.model.adding.files : [];
    const { files, refused } = addFiles(before, incoming, problems);
    this.#patchAdding(claimId, { files, refused, failure: undefined, status: this.#chosenStatus(before, files, refused) });
  }

  async #sendFiles(event: Event, claim: ClaimSummary): Promise<void> {
    event.preventDefault();
    const api = this.sessionApi;
    const adding = this.model.adding;
    if (!api || adding?.claimId !== claim.id || adding.progress) return;
    if (!adding.files.length) {
      this.#patchAdding(claim.id, { failure: 'nothing_chosen' });
      return this.#focus(`#add-files-${claim.id}`);
    }
    const form = new FormData();
    for (const file of adding.files) form.append('attachments', file, file.name);
    this.#patchAdding(claim.id, { progress: [0, 1], failure: undefined, refused: [] });
    const { signal } = (this.#upload = new AbortController());
    try {
      const { attachments } = await api.upload<{ attachments: unknown[] }>(`/claims/${claim.id}/attachments`, form, {
        onProgress: (loaded, total) => this.#patchAdding(claim.id, { progress: [loaded, total] }),
        signal,
      });
      const claims = this.model.claims?.map((c) => (c.id === claim.id ? { ...c, attachmentCount: c.attachmentCount + attachments.length } : c));
      this.#set({ adding: undefined, claims, listStatus: this.localize.term('claimForm.uploaded', attachments.length, claim.claimNumber) });
      await this.#focus(`#claim-${claim.id} [part~="add-files-button"]`);
    } catch (error) {
      if (signal.aborted) return;
      this.#patchAdding(claim.id, { progress: undefined, failure: this.reportError(error, 'add-files') });
      await this.#focus(`#add-files-${claim.id}`);
    }
  }

  // ---- the list ----

  #renderList(): TemplateResult {
    const t = this.localize;
    const { claims } = this.model;
    return (
      this.#pending(claims, this.model.claimsError, t.term('claimForm.noClaims')) ??
      html`<p part="list-status" class="visually-hidden" role="status">${this.model.listStatus}</p>
        <ul part="claims" class="claims" aria-label=${t.term('claimForm.view.list')}>
        ${claims!.map(
          (
            claim,
          ) => html`<li part=${String(claim.id) === this.claimId ? 'claim highlighted' : 'claim'} class="claim ${String(claim.id) === this.claimId ? 'highlighted' : ''}" id="claim-${claim.id}">
            <h3 class="claim-title" tabindex="-1">${claim.claimNumber} – ${claim.claimTypeName[t.lang]}</h3>
            <dl class="claim-facts">
              ${(
                [
                  ['step.policy', claim.policyNumber],
                  ['date', t.date(claim.occurredAt)],
                  ['step.files', String(claim.attachmentCount)],
                  ['claimStatus', html`<span part="status" class="status ${claim.status}">${t.term(`claimForm.status.${claim.status}`)}</span>`],
                ] as const
              ).map(([key, value]) => html`<div><dt>${t.term(`claimForm.${key}`)}</dt><dd>${value}</dd></div>`)}
            </dl>
            <details part="history" class="history" ?open=${String(claim.id) === this.claimId}>
              <summary>${t.term('claimForm.history')}</summary>
              <ol>
                ${claim.history.map(
                  (entry) => html`<li>
                    <time datetime=${entry.at}>${t.date(entry.at)}</time> – ${t.term(`claimForm.status.${entry.status}`)}${
                      entry.note ? html`: <span lang="hu">${entry.note}</span>` : nothing
                    }
                  </li>`,
                )}
              </ol>
            </details>
            ${
              isClosed(claim.status)
                ? html`<p part="no-more-files" class="hint">${t.term(`claimForm.noMoreFiles.${claim.status}`)}</p>`
                : this.#renderAddFiles(claim)
            }
          </li>`,
        )}
      </ul>`
    );
  }
}
