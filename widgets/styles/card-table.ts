import { css } from 'lit';

/**
 * A data table (`<table class="cards">`) that becomes a list of cards when its widget is narrow
 * (a phone, or a narrow column of the partner's page): each row a card, the column names beside
 * the values that need them (`data-label`). A container query, so the widget follows its own
 * width, not the window's. Each widget places a row's cells on the card's grid.
 */
export const cardTable = css`
  :host {
    container-type: inline-size;
  }

  .card-only {
    display: none;
  }

  @container (max-width: 34rem) {
    table.cards,
    .cards > thead,
    .cards > tbody,
    .cards > caption,
    .cards th,
    .cards td {
      display: block;
    }

    /* Hidden as .visually-hidden hides: a cell's own padding would leave a 17 px box that cuts off its text. */
    .cards > thead th:not(.card-keep) {
      position: absolute;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      border: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }

    .cards > thead th.card-keep {
      display: flex;
      gap: 0.5em;
      align-items: center;
      padding-inline: 0;
      border: 0;
    }

    .cards .card-only {
      display: inline;
    }

    .cards tr {
      display: grid;
      gap: 0.25em 0.75em;
      padding: 0.75em 0;
      border-bottom: 1px solid var(--_border);
    }

    .cards > tbody th,
    .cards > tbody td {
      padding: 0;
      border: 0;
    }

    .cards [data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_text-muted);
    }
  }
`;
