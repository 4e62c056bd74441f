import { css } from 'lit';

export default css`
  .base,
  .files,
  .claims,
  .review,
  .claim {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h2,
  h3,
  h4,
  dl,
  dd {
    margin: 0;
  }

  .views {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }

  .claim.highlighted {
    outline: 2px solid var(--_accent);
    background: var(--_surface-alt);
  }

  .views [aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }

  form,
  .file,
  .claim {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .step-heading,
  .file-list-heading {
    margin-bottom: var(--_space);
  }

  .step-indicator,
  .block {
    display: block;
  }

  .step-indicator {
    color: var(--_text-muted);
    font-size: 0.875rem;
    font-weight: 400;
  }

  progress {
    width: 100%;
    accent-color: var(--_primary);
  }

  .file,
  .claim-facts {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .file-name,
  .value {
    flex: 1;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }

  .row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr auto;
    gap: var(--_space);
    border-bottom: 1px solid var(--_border);
  }

  dt,
  .status,
  .done {
    font-weight: 600;
  }

  summary {
    cursor: pointer;
  }

  .claim-number {
    font-size: 1.5rem;
    font-weight: 700;
  }

  .drop-zone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }

  .drop-zone.dragging {
    border-color: var(--_primary);
    background: color-mix(in srgb, var(--_primary) 8%, transparent);
  }

  .drop-zone label {
    cursor: pointer;
  }

  /* The real input is hidden; its label, the button, shows where the keyboard is. */
  .file-input:focus-visible + label {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }

  .file-input:disabled + label {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .thumbnail {
    width: 3rem;
    height: 3rem;
    flex: none;
    border-radius: calc(var(--_radius) / 2);
    object-fit: cover;
  }

  .thumbnail.document {
    display: grid;
    place-items: center;
    border: 1px solid var(--_border);
    color: var(--_text-muted);
    font-size: 0.75rem;
    font-weight: 700;
  }

  .add-files-form {
    margin-top: calc(var(--_space) / 2);
  }

  .approved,
  .paid {
    color: var(--_success);
  }

  .rejected {
    color: var(--_danger);
  }
`;
