import { INSURER } from '../../../common/insurer.ts';
import { escapeHtml, type Language } from './format.ts';
import type { Vars } from './engine.ts';

/**
 * The shared look of every e-mail: MJML building blocks (page with header and footer, text,
 * buttons, a facts table, a highlighted box) and the plain-text frame.
 *
 * Strings in the per-template tables are plain text with two bits of markup:
 * `**bold**` and `{name}` (a placeholder, filled from the template's vars).
 * `rich()` turns such a string into HTML for the MJML source (escaped, `{name}` → `%%name%%`);
 * `plain()` turns it into text with the values filled in.
 */

export const COLORS = {
  brand: '#1d3a4c', // header: granite blue-grey
  accent: '#c8932e', // thin gold rule under the header
  primary: '#1b5a78', // buttons, links (white on it: 7.4:1)
  text: '#1f2933', // body text on white: 14.6:1
  muted: '#47525e', // secondary text on white: 8.1:1
  page: '#eef1f4',
  footerText: '#3b4651', // on the page colour: 8.6:1
  box: '#eaf2f6',
  rule: '#d5dde3',
} as const;

const FONT = "'Segoe UI', Roboto, 'Helvetica Neue', Helvetica, Arial, sans-serif";

// ---------------------------------------------------------------------------------------------
// Strings

/** A table string → HTML for the MJML source: escaped, `**b**` → `<strong>`, `{x}` → `%%x%%`. */
export function rich(value: string): string {
  return escapeHtml(value)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, '%%$1%%');
}

/** A table string → plain text: markup dropped, `{x}` replaced by the value. */
export function plain(value: string, vars: Vars): string {
  return value.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = vars[name];
    if (typeof v !== 'string') throw new Error(`no text value for {${name}}`);
    return v;
  });
}

/** A placeholder for the MJML source. */
export const token = (name: string): string => `%%${name}%%`;

/** MJML blocks shown only when the named var is set (true, or a text that is not null). */
export const when = (name: string, ...blocks: string[]): string[] => [`<mj-raw>%%#${name}%%</mj-raw>`, ...blocks, `<mj-raw>%%/${name}%%</mj-raw>`];

// ---------------------------------------------------------------------------------------------
// Shared strings of the frame

const FRAME = {
  hu: {
    portal: 'Ügyfélportál',
    automatic: 'Ezt az e-mailt rendszerünk automatikusan küldte, kérjük, ne válaszoljon rá.',
    service: 'Ügyfélszolgálat',
    registered: 'Székhely',
    timeZone: 'Az időpontok magyar idő szerint értendők.',
  },
  en: {
    portal: 'Customer Portal',
    automatic: 'This e-mail was sent automatically; please do not reply to it.',
    service: 'Customer service',
    registered: 'Registered office',
    timeZone: 'Times are Hungarian time (Europe/Budapest).',
  },
} satisfies Record<Language, Record<string, string>>;

// ---------------------------------------------------------------------------------------------
// MJML blocks (each returns MJML source; the texts passed in must already be HTML, see rich())

export interface PageOptions {
  lang: Language;
  /** The preview line shown after the subject in inbox lists (HTML). */
  preview: string;
  /** mj-section blocks: see content(), box(). */
  sections: string[];
}

/** The whole document: <mjml lang>, head, header with the insurer's name, the sections, footer. */
export function page({ lang, preview, sections }: PageOptions): string {
  const f = FRAME[lang];
  return `<mjml lang="${lang}" dir="ltr">
  <mj-head>
    <mj-title>${token('subject')}</mj-title>
    <mj-preview>${preview}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${FONT}" />
      <mj-text font-size="16px" line-height="1.55" color="${COLORS.text}" padding="0 0 16px 0" />
      <mj-table font-size="15px" line-height="1.5" color="${COLORS.text}" padding="0 0 20px 0" />
      <mj-button background-color="${COLORS.primary}" color="#ffffff" font-size="16px" font-weight="600" border-radius="6px" inner-padding="13px 26px" padding="4px 0 20px 0" align="left" />
      <mj-section padding="0" />
      <mj-column padding="0" />
    </mj-attributes>
    <mj-style>
      a { color: ${COLORS.primary}; }
      .gp-small a { color: ${COLORS.footerText}; }
      @media only screen and (max-width: 480px) {
        .gp-content > table > tbody > tr > td { padding-left: 20px !important; padding-right: 20px !important; }
      }
    </mj-style>
  </mj-head>
  <mj-body background-color="${COLORS.page}" width="600px">
    <mj-section padding="24px 0 0 0"><mj-column></mj-column></mj-section>
    <mj-section background-color="${COLORS.brand}" padding="22px 32px" css-class="gp-content">
      <mj-column>
        <mj-text color="#ffffff" font-size="21px" font-weight="700" line-height="1.2" padding="0"><span style="letter-spacing:0.2px;">${escapeHtml(INSURER.shortName)}</span></mj-text>
        <mj-text color="#dbe6ec" font-size="14px" line-height="1.4" padding="4px 0 0 0">${escapeHtml(f.portal)}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="${COLORS.accent}" padding="2px 0"><mj-column></mj-column></mj-section>
    <mj-section background-color="#ffffff" padding="32px 32px 0 32px" css-class="gp-content"><mj-column></mj-column></mj-section>
${sections.join('\n')}
    <mj-section background-color="#ffffff" padding="0 0 16px 0"><mj-column></mj-column></mj-section>
    <mj-section padding="24px 32px 32px 32px" css-class="gp-content">
      <mj-column>
        <mj-text css-class="gp-small" font-size="13px" line-height="1.6" color="${COLORS.footerText}" padding="0 0 10px 0">${escapeHtml(f.automatic)}</mj-text>
        <mj-text css-class="gp-small" font-size="13px" line-height="1.6" color="${COLORS.footerText}" padding="0 0 10px 0"><strong>${escapeHtml(f.service)}:</strong> <a href="tel:${INSURER.phone.replace(/\s/g, '')}" style="color:${COLORS.footerText};">${escapeHtml(INSURER.phone)}</a> · <a href="mailto:${INSURER.email}" style="color:${COLORS.footerText};">${escapeHtml(INSURER.email)}</a> · <a href="https://${INSURER.web}" style="color:${COLORS.footerText};">${escapeHtml(INSURER.web)}</a></mj-text>
        <mj-text css-class="gp-small" font-size="12px" line-height="1.6" color="${COLORS.footerText}" padding="0">${escapeHtml(INSURER.name)} · ${escapeHtml(f.registered)}: ${escapeHtml(INSURER.address)} · ${escapeHtml(INSURER.registrationNumber)} · ${escapeHtml(f.timeZone)}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/** A white content section holding blocks (heading(), paragraph(), button(), facts() …). */
export function content(...blocks: string[]): string {
  return `<mj-section background-color="#ffffff" padding="0 32px" css-class="gp-content"><mj-column>
${blocks.join('\n')}
</mj-column></mj-section>`;
}

/** A highlighted box (tinted, with a rule on the left), e.g. for the customer number. */
export function box(...blocks: string[]): string {
  return `<mj-section background-color="#ffffff" padding="0 32px 20px 32px" css-class="gp-content"><mj-column background-color="${COLORS.box}" border-left="4px solid ${COLORS.primary}" padding="14px 18px">
${blocks.join('\n')}
</mj-column></mj-section>`;
}

export function heading(html: string): string {
  return `<mj-text padding="0 0 16px 0"><h1 style="margin:0;font-size:23px;line-height:1.3;font-weight:700;color:${COLORS.text};">${html}</h1></mj-text>`;
}

export function subheading(html: string): string {
  return `<mj-text padding="8px 0 8px 0"><h2 style="margin:0;font-size:18px;line-height:1.35;font-weight:700;color:${COLORS.text};">${html}</h2></mj-text>`;
}

export function paragraph(html: string, options: { small?: boolean; last?: boolean } = {}): string {
  const size = options.small ? ` font-size="14px" color="${COLORS.muted}"` : '';
  const pad = options.last ? ' padding="0"' : '';
  return `<mj-text${size}${pad}>${html}</mj-text>`;
}

/** A big one-line statement inside a box(): "Ügyfélszám: **10204460**". */
export function keyLine(labelHtml: string, valueToken: string): string {
  return `<mj-text font-size="19px" line-height="1.4" padding="0">${labelHtml}: <strong style="letter-spacing:0.5px;">${token(valueToken)}</strong></mj-text>`;
}

/** A call-to-action link styled as a button; `urlToken` names an http(s) URL value. */
export function button(urlToken: string, labelHtml: string, variant: 'primary' | 'secondary' = 'primary'): string {
  const style =
    variant === 'primary' ? '' : ` background-color="#ffffff" color="${COLORS.primary}" border="2px solid ${COLORS.primary}" inner-padding="11px 24px"`;
  return `<mj-button href="${token(urlToken)}"${style}>${labelHtml}</mj-button>`;
}

/** "If the button does not work, copy this address": the raw link, for clients without buttons. */
export function linkFallback(lang: Language, urlToken: string): string {
  const label =
    lang === 'hu' ? 'Ha a gomb nem működik, másolja a böngészőjébe ezt a címet:' : 'If the button does not work, copy this address into your browser:';
  return `<mj-text font-size="13px" line-height="1.5" color="${COLORS.muted}" padding="0 0 20px 0">${escapeHtml(label)}<br /><a href="${token(urlToken)}" style="color:${COLORS.primary};word-break:break-all;">${token(urlToken)}</a></mj-text>`;
}

export function divider(): string {
  return `<mj-divider border-width="1px" border-color="${COLORS.rule}" padding="8px 0 20px 0" />`;
}

export interface FactRow {
  /** The label, as HTML. */
  label: string;
  /** The value placeholder's name. */
  value: string;
  /** A section name: the row appears only when that value is set. */
  when?: string;
}

/** Label / value rows ("Kötvényszám: …"), optional rows inside `%%#when%%` sections. */
export function facts(rows: FactRow[]): string {
  const cell = `padding:7px 0;border-bottom:1px solid ${COLORS.rule};vertical-align:top;`;
  const body = rows
    .map((row) => {
      const tr = `<tr><td style="${cell}color:${COLORS.muted};width:42%;padding-right:12px;">${row.label}</td><td style="${cell}font-weight:600;">${token(row.value)}</td></tr>`;
      return row.when ? `%%#${row.when}%%${tr}%%/${row.when}%%` : tr;
    })
    .join('');
  return `<mj-table>${body}</mj-table>`;
}

/** A repeated two-column list: one row per item of the array value `list`. */
export function itemTable(list: string, headers: [string, string], cells: [string, string]): string {
  const th = `padding:7px 0;border-bottom:2px solid ${COLORS.rule};text-align:left;font-weight:600;color:${COLORS.muted};font-size:14px;`;
  const td = `padding:7px 0;border-bottom:1px solid ${COLORS.rule};`;
  return `<mj-table><tr><th scope="col" style="${th}">${headers[0]}</th><th scope="col" style="${th}text-align:right;">${headers[1]}</th></tr>%%#${list}%%<tr><td style="${td}">${token(cells[0])}</td><td style="${td}text-align:right;white-space:nowrap;">${token(cells[1])}</td></tr>%%/${list}%%</mj-table>`;
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** The plain-text frame: insurer line, the body paragraphs, the contact footer. */
export function textPage(lang: Language, paragraphs: (string | null | false | undefined)[]): string {
  const f = FRAME[lang];
  const head = `${INSURER.shortName} – ${f.portal}`;
  const body = paragraphs.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
  const footer = [
    f.automatic,
    `${f.service}: ${INSURER.phone} · ${INSURER.email} · ${INSURER.web}`,
    `${INSURER.name} · ${f.registered}: ${INSURER.address} · ${INSURER.registrationNumber}`,
    f.timeZone,
  ].join('\n');
  return `${head}\n${'='.repeat(head.length)}\n\n${body}\n\n-- \n${footer}\n`;
}

/** "Label: value" lines for the text part (null values are left out). */
export function textFacts(rows: [string, string | null | undefined][]): string {
  return rows
    .filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}

/** A button in the text part: its label, then the address on its own line. */
export function textLink(label: string, url: string): string {
  return `${label}:\n${url}`;
}
