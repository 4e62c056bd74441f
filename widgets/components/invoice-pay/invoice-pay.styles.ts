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

  input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_primary);
  }
`;
