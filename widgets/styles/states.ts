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

  .skeleton {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding-block: calc(var(--_space) * 0.5);
  }

  .bone {
    height: 1em;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface-alt) 0 40%, var(--_border) 50%, var(--_surface-alt) 60% 100%) 0 0 / 300% 100%;
    animation: gp-shimmer 1.4s linear infinite;
  }

  .bone:first-of-type {
    width: 40%;
    height: 1.5em;
  }

  .bone:last-of-type {
    width: 70%;
  }

  @keyframes gp-shimmer {
    to {
      background-position: -150% 0;
    }
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

    .bone {
      animation: none;
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
