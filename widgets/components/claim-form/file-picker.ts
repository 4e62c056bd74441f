import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../internal/localize-controller.ts';
import { ACCEPT, isImage } from './claim-rules.ts';
import type { Thumbnails } from './thumbnails.ts';

/**
 * The file picker of the report's attachments step and of "add files" on a reported claim: a
 * button in the page's language (a label of the real, visually hidden file input, so the
 * keyboard and screen readers meet a file input with a name) inside a zone files can be
 * dropped on, the limits as a hint, the refusals named by file, a live region telling what
 * changed, and the chosen files with a thumbnail (images) and a remove button each.
 */
export interface PickerView {
  /** The input's id; `<id>-hint`, `<id>-error` and `<id>-list` belong to it. */
  id: string;
  files: readonly File[];
  /** The message under the picker: the refusals, each naming its file. */
  error: string;
  /** What the live region says after the last change. */
  status: string;
  /** Messages of single chosen files (`file-<i>` refused by the API), by index. */
  fileErrors?: Readonly<Record<number, string>>;
  disabled?: boolean;
}

export interface PickerActions {
  onChoose(files: File[]): void;
  onRemove(index: number): void;
}

export function renderPicker(t: LocalizeController, view: PickerView, thumbnails: Thumbnails, actions: PickerActions): TemplateResult {
  const { id, files } = view;
  const dropped = (event: DragEvent) => {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.remove('dragging');
    if (!view.disabled) actions.onChoose([...(event.dataTransfer?.files ?? [])]);
  };
  const over = (event: DragEvent) => {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.add('dragging');
  };
  const left = (event: DragEvent) => (event.currentTarget as HTMLElement).classList.remove('dragging');
  const changed = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const chosen = [...(input.files ?? [])];
    input.value = '';
    actions.onChoose(chosen);
  };
  return html`<div class="field">
      <div part="drop-zone" class="drop-zone" @dragover=${over} @dragenter=${over} @dragleave=${left} @drop=${dropped}>
        <input
          id=${id}
          part="file-input"
          class="file-input visually-hidden"
          type="file"
          multiple
          accept=${ACCEPT}
          ?disabled=${view.disabled}
          aria-invalid=${!!view.error}
          aria-describedby="${id}-hint ${id}-error"
          @change=${changed}
        />
        <label for=${id} part="choose-button" class="button secondary">${t.term('claimForm.chooseFiles')}</label>
        <span class="hint" aria-hidden="true">${t.term('claimForm.dropHint')}</span>
      </div>
      <span id="${id}-hint" class="hint">${t.term('claimForm.filesHint')}</span>
      <span id="${id}-error" part="field-error" class="field-error">${view.error}</span>
      <p part="files-status" class="visually-hidden" role="status">${view.status}</p>
    </div>
    <h4 id="${id}-list" class="file-list-heading">${t.term('claimForm.fileList')}</h4>
    ${
      files.length
        ? html`<ul part="files" class="files" aria-labelledby="${id}-list">
          ${files.map(
            (file, i) => html`<li part="file" class="file">
              ${
                isImage(file)
                  ? html`<img part="thumbnail" class="thumbnail" src=${thumbnails.urlOf(file)} alt="" />`
                  : html`<span part="thumbnail" class="thumbnail document" aria-hidden="true">PDF</span>`
              }
              <span class="file-name">${file.name}</span>
              <span class="hint">${size(t, file.size)}</span>
              ${view.fileErrors?.[i] ? html`<span part="field-error" class="field-error">${view.fileErrors[i]}</span>` : nothing}
              <button part="remove-button" class="button secondary" type="button" ?disabled=${view.disabled} @click=${() => actions.onRemove(i)}>
                ${t.term('claimForm.remove')}<span class="visually-hidden">: ${file.name}</span>
              </button>
            </li>`,
          )}
        </ul>`
        : html`<p class="hint">${t.term('claimForm.noFiles')}</p>`
    }`;
}

function size(t: LocalizeController, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(t.locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(
    mb ? bytes / 1024 / 1024 : Math.max(0.1, bytes / 1024),
  );
}
