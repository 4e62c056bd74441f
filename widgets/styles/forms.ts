import { css } from 'lit';

/**
 * Form fields: `.field` wraps a label, the control, an optional `.hint` and an `.field-error`
 * (tied to the control with aria-describedby). `[aria-invalid="true"]` marks a refused control.
 */
export const forms = css`
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    margin-bottom: var(--_space);
  }

  label,
  legend {
    font-weight: 600;
  }

  fieldset {
    margin: 0 0 var(--_space);
    padding: 0;
    border: 0;
  }

  input:not([type='radio']):not([type='checkbox']),
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  textarea {
    min-height: 6rem;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }

  .hint {
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
  }

  .field-error:empty {
    display: none;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-height: 2.25rem;
    font-weight: 400;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin-top: var(--_space);
  }

  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
