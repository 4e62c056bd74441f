import { Task, initialState } from '@lit/task';
import { html, nothing, type LitElement, type ReactiveController } from 'lit';
import type { ApiClient } from '../../api/api-client.ts';
import type { AccountSecurity, AccountSession, AccountSessionList, SessionsEnded } from '../../api/schemas.ts';
import type { LocalizeController } from '../../internal/localize-controller.ts';
import { renderError, renderLoading } from '../../internal/states.ts';

/** What the section needs of `<gp-profile>` besides the element itself. */
export interface SecurityDeps {
  /** The logged-in session's API client, or undefined (no session: nothing is loaded). */
  api(): ApiClient | undefined;
  readonly localize: LocalizeController;
  /** Reports a failure as `gp-error` (`action`) and returns it. */
  report<E>(error: E, action: string): E;
}

interface Loaded {
  security: AccountSecurity;
  sessions: AccountSession[];
}

/** A pending confirmation: end one session (`id`), or all others. */
type Confirm = { kind: 'one'; session: AccountSession } | { kind: 'others' };

/**
 * The "Biztonság" / "Security" section of `<gp-profile>`: the account's sessions across partner
 * sites (end one, or all others, each after an inline confirmation), the passkeys and two-step
 * status, and links to the IdP's security and change-password pages (a new tab on the insurer's
 * origin). Loads with the session, like the profile itself; a new session (or none) starts over.
 */
export class SecuritySection implements ReactiveController {
  #confirm: Confirm | undefined;
  #busy = false;
  #error: unknown;
  #notice: (() => string) | undefined;

  readonly #loader: Task<readonly [ApiClient | undefined], Loaded>;

  constructor(
    private readonly host: LitElement,
    private readonly deps: SecurityDeps,
  ) {
    host.addController(this);
    this.#loader = new Task(host, {
      args: () => [deps.api()] as const,
      task: async ([api], { signal }) => {
        this.#confirm = undefined;
        this.#notice = undefined;
        this.#error = undefined;
        if (!api) return initialState;
        const [security, list] = await Promise.all([
          api.get<AccountSecurity>('/security', undefined, signal),
          api.get<AccountSessionList>('/security/sessions', undefined, signal),
        ]);
        return { security, sessions: list.sessions };
      },
      onError: (error) => this.deps.report(error, 'load-security'),
    });
  }

  hostConnected(): void {}

  get #t() {
    return this.deps.localize;
  }

  render() {
    const t = this.#t;
    const body = this.#loader.render({
      initial: () => renderLoading(t),
      pending: () => (this.#loader.value ? this.#renderLoaded(this.#loader.value) : renderLoading(t)),
      complete: (loaded) => this.#renderLoaded(loaded),
      error: (error) => renderError(t, error, () => void this.#loader.run()),
    });
    return html`<section part="security-section" class="security" aria-labelledby="security-heading">
      <h3 id="security-heading">${t.term('security.heading')}</h3>
      <p class="hint">${t.term('security.intro')}</p>
      ${body}
    </section>`;
  }

  #renderLoaded({ security, sessions }: Loaded) {
    const t = this.#t;
    const others = sessions.filter((s) => !s.current);
    const lang = `lang=${t.lang}`;
    return html`<div part="security-notice" class="notice success" role="status" aria-live="polite">${this.#notice?.()}</div>
      <h4 id="sessions-heading" tabindex="-1">${t.term('security.sessionsHeading')}</h4>
      <p class="hint">${t.term('security.sessionsIntro')}</p>
      ${this.#error === undefined ? nothing : html`<p part="form-error" class="notice error" role="alert">${t.problem(this.#error)}</p>`}
      <ul part="session-list" class="sessions" aria-labelledby="sessions-heading">
        ${sessions.map((s) => this.#renderSession(s))}
      </ul>
      ${
        others.length === 0
          ? html`<p class="hint">${t.term('security.onlyThis')}</p>`
          : this.#confirm?.kind === 'others'
            ? this.#renderConfirm(t.term('security.confirmEndOthers'))
            : html`<button part="end-others-button" class="button secondary" type="button" @click=${() => this.#ask({ kind: 'others' })}>
                ${t.term('security.endOthers')}
              </button>`
      }
      <h4 id="methods-heading">${t.term('security.methodsHeading')}</h4>
      <dl part="security-methods" aria-labelledby="methods-heading">
        <div><dt>${t.term('security.passkeys')}</dt><dd>${t.term('security.passkeyCount', security.passkeys.count)}</dd></div>
        <div>
          <dt>${t.term('security.twoStep')}</dt>
          <dd>${security.twoStep.enabled ? t.term('security.twoStepOn', security.twoStep.recoveryCodesLeft) : t.term('security.twoStepOff')}</dd>
        </div>
      </dl>
      <ul class="links">
        <li>${this.#link('manage-link', `${security.links.manage}?${lang}`, t.term('security.manage'))}</li>
        <li>${this.#link('password-link', `${security.links.changePassword}?${lang}`, t.term('security.changePassword'))}</li>
      </ul>`;
  }

  #link(part: string, href: string, label: string) {
    return html`<a part=${part} href=${href} target="_blank" rel="noopener">${label}<span class="visually-hidden"> ${this.#t.term('security.newWindow')}</span></a>`;
  }

  #device(s: AccountSession): string {
    return s.device ?? this.#t.term('security.unknownDevice');
  }

  #renderSession(s: AccountSession) {
    const t = this.#t;
    const device = this.#device(s);
    const confirming = this.#confirm?.kind === 'one' && this.#confirm.session.id === s.id;
    return html`<li part="session" class="session">
      <p class="session-device">
        <strong>${device}</strong>${s.current ? html` <span part="session-current" class="badge">${t.term('security.thisSession')}</span>` : nothing}
      </p>
      <p class="session-site">${s.site ?? t.term('security.otherSite')}</p>
      <p class="session-times">${t.term('security.startedAt', this.#when(s.startedAt))} · ${t.term('security.lastSeenAt', this.#when(s.lastSeenAt))}</p>
      ${
        s.current
          ? nothing
          : confirming
            ? this.#renderConfirm(t.term('security.confirmEnd', device))
            : html`<button part="end-session-button" class="button secondary" type="button" @click=${() => this.#ask({ kind: 'one', session: s })}>
                ${t.term('security.end')}<span class="visually-hidden">: ${device}</span>
              </button>`
      }
    </li>`;
  }

  /** The inline confirmation: its question, "yes" (focused when it opens) and "cancel". */
  #renderConfirm(question: string) {
    const t = this.#t;
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-question">
      <p id="confirm-question">${question}</p>
      <div class="actions">
        <button part="confirm-button" class="button" type="button" aria-disabled=${this.#busy} @click=${this.#end}>${t.term('security.confirmYes')}</button>
        <button part="cancel-button" class="button secondary" type="button" @click=${this.#cancel}>${t.term('action.cancel')}</button>
      </div>
    </div>`;
  }

  #when(iso: string): string {
    return new Intl.DateTimeFormat(this.#t.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  async #ask(confirm: Confirm): Promise<void> {
    this.#confirm = confirm;
    this.#error = undefined;
    this.#notice = undefined;
    await this.#focusAfterUpdate('[part~=confirm-button]');
  }

  #cancel = async (): Promise<void> => {
    const confirm = this.#confirm;
    this.#confirm = undefined;
    const index = confirm?.kind === 'one' ? (this.#loader.value?.sessions.indexOf(confirm.session) ?? -1) : -1;
    await this.#focusAfterUpdate(
      confirm?.kind === 'one' ? `[part~=session-list] > li:nth-child(${index + 1}) [part~=end-session-button]` : '[part~=end-others-button]',
    );
  };

  #end = async (): Promise<void> => {
    const api = this.deps.api();
    const confirm = this.#confirm;
    const loaded = this.#loader.value;
    if (!api || !confirm || !loaded || this.#busy) return;
    this.#busy = true;
    this.host.requestUpdate();
    try {
      let notice: () => string;
      if (confirm.kind === 'one') {
        await api.delete(`/security/sessions/${encodeURIComponent(confirm.session.id)}`);
        notice = () => this.#t.term('security.ended');
      } else {
        const { ended } = (await api.delete<SessionsEnded>('/security/sessions'))!;
        notice = () => this.#t.term('security.endedOthers', ended);
      }
      if (api !== this.deps.api()) return;
      this.#confirm = undefined;
      await this.#loader.run();
      this.#notice = notice;
      await this.#focusAfterUpdate('#sessions-heading');
    } catch (error) {
      if (api !== this.deps.api()) return;
      const reported = this.deps.report(error, 'end-session');
      this.#confirm = undefined;
      await this.#loader.run();
      this.#error = reported;
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  };

  async #focusAfterUpdate(selector: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
