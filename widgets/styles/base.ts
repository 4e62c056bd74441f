import { css } from 'lit';

/** What every widget shares: box model, typography, focus ring, visually hidden text. */
export const base = css`
  :host {
    box-sizing: border-box;
    /* No fallback on purpose: while --gp-font-family is unset the declaration is invalid at
       computed-value time, so font-family inherits the page's font. (Setting the token to the
       keyword inherit would not work: a CSS-wide keyword applies to the custom property itself.) */
    font-family: var(--gp-font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
