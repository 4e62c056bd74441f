import { css } from 'lit';

/** The loading, empty, error and logged-out states every widget shows (internal/states.ts). */
export const states = css`
  .state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_text-muted);
  }

  .state p {
    margin: 0;
    flex: 1 1 16rem;
  }

  .state.error {
    border-style: solid;
    border-color: var(--_danger);
    color: var(--_danger);
  }

  .spinner {
    width: 1.25em;
    height: 1.25em;
    border: 2px solid var(--_border);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: gp-spin 800ms linear infinite;
  }

  @keyframes gp-spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }

  .notice {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius);
    border-left: 4px solid var(--_primary);
    background: var(--_surface-alt);
  }

  .notice.success {
    border-left-color: var(--_success);
  }

  .notice.error {
    border-left-color: var(--_danger);
    color: var(--_danger);
  }

  .notice.warning {
    border-left-color: var(--_warning);
  }

  .notice:empty {
    display: none;
  }
`;
