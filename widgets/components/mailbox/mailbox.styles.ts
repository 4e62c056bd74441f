import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .mailbox {
    display: grid;
    gap: var(--_space);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.75);
  }

  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    font-size: 1.25em;
  }

  .badge {
    min-width: 1.75em;
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: 0.75em;
    text-align: center;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0 var(--_space);
  }

  .filters .field {
    flex: 1 1 12rem;
  }

  .filters .button {
    margin-bottom: var(--_space);
  }

  .list {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list[aria-busy='true'] {
    opacity: 0.6;
  }

  .item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .item.unread {
    border-left-color: var(--_primary);
  }

  .item.unread .title {
    font-weight: 700;
  }

  .item.highlighted {
    outline: 2px solid var(--_accent);
    background: var(--_surface-alt);
  }

  .info {
    display: flex;
    flex: 1 1 16rem;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 calc(var(--_space) * 0.5);
  }

  .type {
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  .unread-mark {
    padding: 0 0.5em;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: 0.75em;
    font-weight: 700;
  }

  .title {
    flex-basis: 100%;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  .info .notice {
    flex-basis: 100%;
    margin: calc(var(--_space) * 0.5) 0 0;
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    color: var(--_text-muted);
  }

  .request {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .request .hint {
    margin: calc(var(--_space) * 0.25) 0 var(--_space);
  }

  [aria-disabled='true'] {
    cursor: progress;
  }
`;
