import { css } from 'lit';

/** The shared button look: `.button` (primary), `.button.secondary`, and `.link` (a button or link that reads as a link). */
export const button = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 0.5);
    min-height: 2.75rem;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.25);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    transition: background-color 120ms ease, border-color 120ms ease;
  }

  .button:hover {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }

  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }

  .button.secondary:hover {
    background: var(--_surface-alt);
  }

  /* A pressed toggle stays filled when hovered (the secondary hover made it white on white). */
  .button[aria-pressed='true'],
  .button[aria-pressed='true']:hover {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }

  .button[aria-pressed='true']:hover {
    background: var(--_primary-hover);
  }

  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }

  .link:disabled {
    color: var(--_text-muted);
    cursor: default;
  }

  @media (prefers-reduced-motion: reduce) {
    .button {
      transition: none;
    }
  }
`;
