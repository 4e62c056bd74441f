import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  section,
  .list {
    display: grid;
    gap: var(--_space);
  }

  .header,
  .footer,
  .item,
  .filters,
  .info,
  .meta,
  h2 {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }

  .header,
  .footer,
  .item {
    justify-content: space-between;
  }

  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    gap: calc(var(--_space) * 0.5);
    font-size: 1.25em;
  }

  .badge,
  .unread-mark {
    min-width: 1.75em;
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: 0.75em;
    font-weight: 700;
    text-align: center;
  }

  .unread-mark {
    border-radius: var(--_radius);
  }

  .filters,
  .meta {
    align-items: end;
    gap: 0 var(--_space);
  }

  .filters .field {
    flex: 1 1 12rem;
  }

  .filters .button {
    margin-bottom: var(--_space);
  }

  .list {
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list[aria-busy='true'] {
    opacity: 0.6;
  }

  .item,
  .request {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .item {
    border-left-width: 4px;
  }

  .request {
    padding: var(--_space);
  }

  .unread {
    border-left-color: var(--_primary);
  }

  .unread .title {
    font-weight: 700;
  }

  .highlighted {
    outline: 2px solid var(--_accent);
  }

  .highlighted,
  .request {
    background: var(--_surface-alt);
  }

  .info {
    flex: 1 1 16rem;
    align-items: baseline;
    gap: 0 calc(var(--_space) * 0.5);
  }

  .title,
  .info .notice {
    flex-basis: 100%;
  }

  .info .notice {
    margin: calc(var(--_space) * 0.5) 0 0;
  }

  .footer {
    color: var(--_text-muted);
  }

  .request .hint {
    margin: calc(var(--_space) * 0.25) 0 var(--_space);
  }

  [aria-disabled='true'] {
    cursor: progress;
  }
`;
