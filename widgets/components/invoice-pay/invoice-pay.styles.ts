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

  .invoice-pay {
    display: grid;
    gap: var(--_space);
  }

  h2 {
    font-size: 1.25em;
  }

  h3 {
    font-size: 1.0625em;
  }

  .progress:empty {
    display: none;
  }

  .progress .notice {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    justify-items: start;
  }

  .outstanding {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }

  .late,
  .overdue .status {
    color: var(--_warning);
    font-weight: 600;
  }

  .overdue .status::before {
    content: '⚠ ' / '';
  }

  .scroll {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  caption {
    text-align: start;
    color: var(--_text-muted);
    padding-bottom: calc(var(--_space) * 0.5);
  }

  th,
  td {
    padding: calc(var(--_space) * 0.5);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  tbody th {
    font-weight: 600;
  }

  .sub {
    display: block;
    color: var(--_text-muted);
    font-size: 0.875em;
    font-weight: 400;
  }

  .num {
    text-align: end;
    white-space: nowrap;
  }

  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_primary);
  }

  .overdue {
    background: var(--_surface-alt);
  }
`;
