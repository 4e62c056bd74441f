import { css } from 'lit';

export default css`
  :host {
    display: block;
    container-type: inline-size;
  }

  h2,
  h3,
  p,
  dl,
  .notice {
    margin: 0 0 var(--_space);
  }

  h2,
  h3 {
    line-height: 1.25;
  }

  h2 {
    font-size: 1.375em;
  }

  h3 {
    font-size: 1.125em;
  }

  dl div {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr;
    gap: calc(var(--_space) * 0.25) var(--_space);
    padding: calc(var(--_space) * 0.5) 0;
    border-bottom: 1px solid var(--_border);
  }

  dt {
    color: var(--_text-muted);
  }

  dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  /* Which letters go to this address, under it. */
  .address-note {
    display: block;
    margin-top: 0.25em;
    font-weight: normal;
  }

  form {
    max-width: 34rem;
  }

  .email,
  .security {
    margin-top: calc(var(--_space) * 2);
    padding-top: calc(var(--_space) * 1.5);
    border-top: 1px solid var(--_border);
  }

  h4 {
    font-size: 1em;
    margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) * 0.5);
  }

  .sessions,
  .links {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }

  .session {
    padding: calc(var(--_space) * 0.75) 0;
    border-bottom: 1px solid var(--_border);
  }

  .session p {
    margin: 0 0 calc(var(--_space) * 0.25);
    overflow-wrap: anywhere;
  }

  .session-site,
  .session-times {
    color: var(--_text-muted);
  }

  .badge {
    display: inline-block;
    margin-inline-start: calc(var(--_space) * 0.5);
    padding: 0 calc(var(--_space) * 0.5);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
  }

  .confirm {
    margin-top: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: 0.375rem;
  }

  .links li {
    margin-bottom: calc(var(--_space) * 0.5);
  }

  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  @container (max-width: 30rem) {
    dl div {
      grid-template-columns: 1fr;
    }
  }
`;
