import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .portal {
    position: relative;
    container: gp-portal / inline-size;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    box-shadow: var(--_shadow);
    overflow: hidden;
  }

  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.25);
    border-top: 4px solid var(--_primary);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-alt);
  }

  .brand {
    display: flex;
    flex: 1 1 auto;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }

  .logo {
    flex: none;
    width: 2.25rem;
    height: 2.25rem;
    color: var(--_primary);
  }

  .logo .mark {
    fill: var(--_on-primary);
  }

  .brand-text {
    display: flex;
    flex-direction: column;
    line-height: 1.2;
  }

  .insurer {
    font-weight: 700;
    font-size: 1.0625em;
    letter-spacing: 0.005em;
  }

  .title {
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  .lang-switch {
    display: inline-flex;
    flex: none;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .lang-button {
    min-width: 2.75rem;
    min-height: 2rem;
    padding: 0 calc(var(--_space) * 0.625);
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: transparent;
    color: var(--_text-muted);
    font: inherit;
    font-size: 0.8125em;
    font-weight: 700;
    letter-spacing: 0.06em;
    cursor: pointer;
  }

  .lang-button:hover {
    color: var(--_text);
  }

  .lang-button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }

  .body {
    display: grid;
    /* Not narrower than the widest word, but never wider than the frame: a widget that cannot shrink overflows itself, not the portal. */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 1.25);
  }

  .body:focus {
    outline: none;
  }

  /* The close button sits in the notice's top right corner, outside its live region. */
  .notice-bar {
    position: relative;
  }

  .notice-bar[hidden] {
    display: none;
  }

  .notice-bar:has(.notice-dismiss) .notice {
    padding-right: 3rem;
  }

  .notice-dismiss {
    position: absolute;
    top: 0.25rem;
    right: 0.25rem;
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text-muted);
    cursor: pointer;
  }

  .notice-dismiss:hover {
    color: var(--_text);
    background: var(--_surface);
  }

  .notice-dismiss svg {
    width: 1.25rem;
    height: 1.25rem;
  }

  .login-panel {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: calc(var(--_space) * 1.25);
    align-items: start;
    max-width: 46rem;
  }

  .login-icon {
    width: 3rem;
    height: 3rem;
    padding: 0.75rem;
    border-radius: 50%;
    background: var(--_surface-alt);
    color: var(--_primary);
  }

  .login-body > * {
    margin: 0;
  }

  .login-heading {
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }

  .login-text {
    margin-top: calc(var(--_space) * 0.5) !important;
    color: var(--_text-muted);
  }

  .login-button {
    margin-top: calc(var(--_space) * 1.25) !important;
  }

  .login-button svg {
    width: 1.125em;
    height: 1.125em;
  }

  .login-hint {
    margin-top: calc(var(--_space) * 0.75) !important;
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  .account {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    flex: none;
  }

  .account-text {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    line-height: 1.2;
  }

  .customer-name {
    font-weight: 600;
  }

  .customer-number {
    color: var(--_text-muted);
    font-size: 0.8125em;
  }

  .logout-button {
    min-height: 2.25rem;
    padding-block: calc(var(--_space) * 0.25);
  }

  .content[hidden] {
    display: none;
  }

  /* Narrow by the portal's own width, not the viewport's: it may sit in a partner's sidebar. */
  @container gp-portal (max-width: 40rem) {
    .header {
      flex-wrap: wrap;
    }

    /* A name and "Kijelentkezés" side by side need about 260 px: below that the button goes under the name. */
    .account {
      flex: 1 1 auto;
      flex-wrap: wrap;
      min-width: 0;
    }

    .account-text {
      align-items: flex-start;
      min-width: 0;
      overflow-wrap: anywhere;
    }
  }

  @container gp-portal (max-width: 30rem) {
    .body {
      padding-inline: var(--_space);
    }

    .login-panel {
      grid-template-columns: 1fr;
    }

    .login-icon {
      margin-bottom: calc(var(--_space) * 0.75);
    }
  }
`;
