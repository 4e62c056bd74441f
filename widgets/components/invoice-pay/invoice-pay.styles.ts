import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  h2,
  h3,
  p {
    margin: 0;
  }

  h2 {
    font-size: 1.25em;
  }

  [part='base'],
  .notice {
    display: grid;
    gap: var(--_space);
  }

  .notice {
    gap: calc(var(--_space) * 0.5);
    justify-items: start;
  }

  .tabs {
    display: inline-flex;
    flex-wrap: wrap;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    justify-self: start;
  }

  .tab {
    padding: calc(var(--_space) * 0.4) var(--_space);
    border: 0;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  .tab[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }

  .tab:not([aria-pressed='true']):hover {
    background: var(--_surface-alt);
  }

  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }

  .history {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .history li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) * 0.25) var(--_space);
    padding: calc(var(--_space) * 0.5) 0;
    border-bottom: 1px solid var(--_border);
  }

  .paid-what {
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  [part='progress']:empty {
    display: none;
  }

  .late,
  [part~='overdue'] [part='status'] {
    color: var(--_warning);
    font-weight: 600;
  }

  [part~='overdue'] [part='status']::before {
    content: '⚠ ' / '';
  }

  [part~='overdue'] {
    background: var(--_surface-alt);
  }

  .scroll {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  caption,
  th,
  td {
    padding: calc(var(--_space) * 0.5);
    text-align: start;
    vertical-align: top;
  }

  th,
  td {
    border-bottom: 1px solid var(--_border);
  }

  caption,
  .sub {
    color: var(--_text-muted);
  }

  .sub {
    display: block;
    font-size: 0.875em;
    font-weight: 400;
  }

  .num {
    text-align: end;
    white-space: nowrap;
  }

  /* A card per invoice on a narrow widget: checkbox | number, due | amount, status. */
  @container (max-width: 34rem) {
    [part~='invoice'] {
      grid-template-columns: auto 1fr auto;
      padding-inline: 0.5em;
    }

    [part~='invoice'] > :first-child {
      grid-row: span 3;
    }

    [part~='invoice'] > :nth-child(3) {
      grid-area: 2 / 2;
    }

    [part~='invoice'] > :nth-child(4) {
      grid-area: 1 / 3;
    }

    [part~='invoice'] > :nth-child(5) {
      grid-area: 3 / 2 / 4 / 4;
    }
  }

  input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_primary);
  }
`;
