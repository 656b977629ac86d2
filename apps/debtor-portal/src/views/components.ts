import { flag, html, type HtmlValue, type SafeHtml } from '../html/html.js';
import type { FieldError } from '../forms/form-input.js';
import type { PageContext } from './page-context.js';

/**
 * Form parts in NL Design System markup, with the accessibility wiring done once: a label for every
 * input, the hint and the error tied to it with aria-describedby, aria-invalid on an error, and an
 * error summary at the top that links to each field.
 */
export function errorFor(errors: readonly FieldError[], name: string): string | undefined {
  return errors.find((e) => e.field === name)?.message;
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string {
  return [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter((s) => s !== '').join(' ');
}

function hintAndError(name: string, hint: string | undefined, error: string | undefined): SafeHtml {
  return html`${hint && html`<div class="utrecht-form-field-description" id="${name}-hint">${hint}</div>`}${
    error && html`<div class="utrecht-form-field-error-message" id="${name}-error">${error}</div>`
  }`;
}

export function textField(params: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  readonly error?: string;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
  readonly autocomplete?: string;
  readonly optional?: string;
  readonly width?: 'short';
}): SafeHtml {
  const { name, error } = params;
  const described = describedBy(name, params.hint, error);
  return html`<div class="utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}">
  <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${name}">${params.label}${params.optional && html` <span>${params.optional}</span>`}</label></div>
  ${hintAndError(name, params.hint, error)}
  <div class="utrecht-form-field__input"><input class="utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}" type="text" id="${name}" name="${name}" value="${params.value}"${
    params.inputMode ? html` inputmode="${params.inputMode}"` : ''
  }${params.autocomplete ? html` autocomplete="${params.autocomplete}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${flag('aria-invalid="true"', error !== undefined)}${
    params.width === 'short' ? html` size="10"` : ''
  }></div>
</div>`;
}

export function selectField(params: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly placeholder?: string;
  readonly hint?: string;
  readonly error?: string;
}): SafeHtml {
  const { name, error } = params;
  const described = describedBy(name, params.hint, error);
  return html`<div class="utrecht-form-field utrecht-form-field--select${error ? ' utrecht-form-field--invalid' : ''}">
  <div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${name}">${params.label}</label></div>
  ${hintAndError(name, params.hint, error)}
  <div class="utrecht-form-field__input"><select class="utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}" id="${name}" name="${name}"${
    described ? html` aria-describedby="${described}"` : ''
  }${flag('aria-invalid="true"', error !== undefined)}>
    ${params.placeholder !== undefined && html`<option value="">${params.placeholder}</option>`}
    ${params.options.map((o) => html`<option value="${o.value}"${flag('selected', o.value === params.value)}>${o.label}</option>`)}
  </select></div>
</div>`;
}

/** Radio buttons or checkboxes in a fieldset; the first input carries the field's id for the error link. */
export function choiceFieldset(params: {
  readonly type: 'radio' | 'checkbox';
  readonly name: string;
  readonly legend: string;
  readonly options: readonly { readonly value: string; readonly label: string; readonly detail?: HtmlValue }[];
  readonly checked: readonly string[];
  readonly hint?: string;
  readonly error?: string;
}): SafeHtml {
  const { name, error, type } = params;
  const described = describedBy(name, params.hint, error);
  const inputClass = type === 'radio' ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input';
  return html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"${described ? html` aria-describedby="${described}"` : ''}>
  <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${params.legend}</legend>
  ${hintAndError(name, params.hint, error)}
  ${params.options.map((o, i) => {
    const id = i === 0 ? name : `${name}-${i}`;
    return html`<div class="utrecht-form-field utrecht-form-field--${type === 'radio' ? 'radio' : 'checkbox'}">
    <div class="utrecht-form-field__input"><input class="${inputClass}" type="${type}" id="${id}" name="${name}" value="${o.value}"${flag('checked', params.checked.includes(o.value))}${flag('aria-invalid="true"', error !== undefined)}></div>
    <div class="utrecht-form-field__label"><label class="utrecht-form-label utrecht-form-label--${type === 'radio' ? 'radio-button' : 'checkbox'}" for="${id}">${o.label}</label></div>
    ${o.detail !== undefined && html`<div class="utrecht-form-field-description">${o.detail}</div>`}
  </div>`;
  })}
</fieldset>`;
}

export function errorSummary(ctx: PageContext, errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="utrecht-alert utrecht-alert--error" role="alert" tabindex="-1" id="error-summary">
  <h2 class="utrecht-heading-2">${ctx.t.common.errorSummaryTitle}</h2>
  <ul class="utrecht-unordered-list">${errors.map((e) => html`<li><a class="utrecht-link" href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`;
}

/** The Utrecht alert's modifier for each kind ("success" is its "ok"). */
const ALERT_MODIFIER = { success: 'ok', info: 'info', warning: 'warning', error: 'error' } as const;

export function alert(kind: 'success' | 'info' | 'warning' | 'error', content: HtmlValue): SafeHtml {
  return html`<div class="utrecht-alert utrecht-alert--${ALERT_MODIFIER[kind]}" role="${kind === 'error' ? 'alert' : 'status'}"><div class="utrecht-alert__message">${content}</div></div>`;
}

export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}">`;
}

export function submitButton(label: string, variant: 'primary' | 'secondary' = 'primary'): SafeHtml {
  return html`<button class="utrecht-button utrecht-button--${variant}-action" type="submit">${label}</button>`;
}

export function buttonLink(href: string, label: string): SafeHtml {
  return html`<a class="utrecht-button utrecht-button--primary-action sr-button-link" href="${href}">${label}</a>`;
}

export function paragraph(text: HtmlValue): SafeHtml {
  return html`<p class="utrecht-paragraph">${text}</p>`;
}

/**
 * A button or link text with what it is about for a screen reader ("Unlink" + " Gemeente Utrecht"): the
 * visible words start the accessible name, as WCAG 2.5.3 asks, in every language.
 */
export function labelFor(visible: string, about: string): SafeHtml {
  return html`${visible}<span class="sr-visually-hidden"> ${about}</span>`;
}
