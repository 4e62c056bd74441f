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

  form {
    max-width: 34rem;
  }

  .email {
    margin-top: calc(var(--_space) * 2);
    padding-top: calc(var(--_space) * 1.5);
    border-top: 1px solid var(--_border);
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
