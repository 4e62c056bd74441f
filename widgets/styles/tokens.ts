import { css } from 'lit';

/**
 * The theme. Each public token is a `--gp-*` custom property that a page may set on any
 * ancestor (`:root`, `body`, the element itself); each widget reads it through a private
 * `--_*` twin that carries the default, so an unset token costs nothing.
 *
 * Colours follow the page's `color-scheme`: a page that declares `color-scheme: dark` (or sets
 * it on the widget) gets the dark defaults through `light-dark()` (every current browser has it
 * since 2024). The widgets paint their own surface, so they stay
 * legible on any page even when the page declares nothing.
 *
 * The font is the page's own (inherited) unless `--gp-font-family` is set; see `base.ts`.
 */
export const tokens = css`
  :host {
    --_primary: var(--gp-color-primary, light-dark(#0a4a86, #7db7f0));
    --_primary-hover: var(--gp-color-primary-hover, light-dark(#083a69, #a6cef5));
    --_on-primary: var(--gp-color-on-primary, light-dark(#ffffff, #06223d));
    --_accent: var(--gp-color-accent, light-dark(#0f8a7e, #4fc7b9));
    --_surface: var(--gp-color-surface, light-dark(#ffffff, #161c23));
    --_surface-alt: var(--gp-color-surface-alt, light-dark(#f3f6f9, #1f2731));
    --_text: var(--gp-color-text, light-dark(#1a2430, #e7ecf1));
    --_text-muted: var(--gp-color-text-muted, light-dark(#52606d, #a9b6c3));
    --_border: var(--gp-color-border, light-dark(#d5dde5, #344150));
    --_focus: var(--gp-color-focus, light-dark(#1f6fd1, #8cc2ff));
    --_danger: var(--gp-color-danger, light-dark(#b3261e, #ff8a80));
    --_success: var(--gp-color-success, light-dark(#1e7a3c, #7bd493));
    --_warning: var(--gp-color-warning, light-dark(#8a5a00, #f3c567));

    --_font-size: var(--gp-font-size, 1rem);
    --_radius: var(--gp-radius, 0.5rem);
    --_space: var(--gp-spacing, 1rem);
    --_shadow: var(--gp-shadow, 0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.1));
  }
`;
