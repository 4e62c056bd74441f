import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
  }

  h3 {
    margin: var(--_space) 0 calc(var(--_space) * 0.5);
    font-size: 1.0625em;
  }

  .filter {
    display: inline-flex;
    flex-wrap: wrap;
    padding: 2px;
    margin-bottom: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .filter button {
    min-height: 2.5rem;
    padding: 0 calc(var(--_space) * 0.75);
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .filter [aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }

  .list {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: 0;
    list-style: none;
  }

  .policy {
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: calc(var(--_space) * 0.5) var(--_space);
  }

  dt,
  .muted {
    color: var(--_text-muted);
  }

  dd {
    margin: 0;
  }

  /* Which letters go to this address, under it. */
  .address-note {
    display: block;
    margin-top: 0.25em;
    font-weight: normal;
  }

  .status {
    color: var(--_success);
  }

  .status.cancelled {
    color: var(--_text-muted);
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
    border-bottom: 1px solid var(--_border);
    text-align: start;
  }

  .overdue {
    color: var(--_danger);
  }

  [part~='back-button'] {
    margin-block-end: var(--_space);
  }

  .document {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
    padding-block: calc(var(--_space) * 0.25);
  }

  /* A card per invoice on a narrow widget: number | amount, due | status. */
  @container (max-width: 34rem) {
    [part='invoices'] tr {
      grid-template-columns: 1fr auto;
    }

    [part='invoices'] td:nth-child(3),
    [part='invoices'] td:nth-child(4) {
      text-align: end;
    }

    [part='invoices'] td:nth-child(3) {
      grid-area: 1 / 2;
    }
  }

  .notice {
    margin: var(--_space) 0;
  }

  form {
    max-width: 36rem;
  }
`;
