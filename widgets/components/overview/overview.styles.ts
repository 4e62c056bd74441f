import { css } from 'lit';

export default css`
  :host {
    display: block;
    container-type: inline-size;
  }

  h2 {
    font-size: 1.375em;
    line-height: 1.25;
    margin: 0 0 var(--_space);
  }

  h3 {
    font-size: 1em;
    margin: 0 0 calc(var(--_space) * 0.5);
  }

  p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }

  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .tile {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .items {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .items li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.25) 0;
  }

  .muted {
    color: var(--_text-muted);
  }

  .warning {
    color: var(--_warning);
    font-weight: 600;
  }

  a.button {
    display: inline-flex;
    text-decoration: none;
  }

  .all-done {
    color: var(--_success);
    font-weight: 600;
  }
`;
