/**
 * Every NL Design System class the portal's markup writes (modifiers built from a value are listed
 * with each value). The stylesheet keeps only the component rules these classes can match, which
 * drops most of the Utrecht CSS; stylesheet.spec.ts fails when the markup uses a class missing here.
 */
export const PORTAL_CLASSES: readonly string[] = [
  'utrecht-theme', 'utrecht-root', 'utrecht-document', 'utrecht-skip-link', 'utrecht-skip-link--visible-on-focus',
  'utrecht-heading-1', 'utrecht-heading-2', 'utrecht-heading-3', 'utrecht-paragraph', 'utrecht-link',
  'utrecht-unordered-list', 'utrecht-ordered-list', 'utrecht-ordered-list__item',
  'utrecht-button', 'utrecht-button--primary-action', 'utrecht-button--secondary-action',
  'utrecht-form-field', 'utrecht-form-field--text', 'utrecht-form-field--select', 'utrecht-form-field--radio', 'utrecht-form-field--checkbox',
  'utrecht-form-field--invalid', 'utrecht-form-field__label', 'utrecht-form-field__input',
  'utrecht-form-label', 'utrecht-form-label--radio-button', 'utrecht-form-label--checkbox',
  'utrecht-form-field-description', 'utrecht-form-field-error-message',
  'utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', 'utrecht-form-fieldset__legend', 'utrecht-form-fieldset__legend--html-legend',
  'utrecht-textbox', 'utrecht-textbox--html-input', 'utrecht-textbox--invalid',
  'utrecht-select', 'utrecht-select--html-select', 'utrecht-select--invalid',
  'utrecht-radio-button', 'utrecht-radio-button--html-input', 'utrecht-checkbox', 'utrecht-checkbox--html-input',
  'utrecht-alert', 'utrecht-alert--ok', 'utrecht-alert--info', 'utrecht-alert--warning', 'utrecht-alert--error', 'utrecht-alert__message',
  'utrecht-table', 'utrecht-table__header', 'utrecht-table__body', 'utrecht-table__row', 'utrecht-table__header-cell', 'utrecht-table__cell',
  'utrecht-data-list', 'utrecht-data-list__item', 'utrecht-data-list__item-key', 'utrecht-data-list__item-value',
];

/**
 * The portal's own layout rules on top of the NL Design System components: one column that fits a
 * 320 px phone, logical properties only (so a right-to-left language mirrors by itself), focus rings
 * that are always visible, and the two charts.
 */
export const PORTAL_STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0}
.sr-page{max-inline-size:48rem;margin-inline:auto;padding-inline:1rem;padding-block-end:2rem}
.sr-header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding-block:.75rem;border-block-end:2px solid #ccc}
.sr-brand{font-weight:700;font-size:1.25rem;color:inherit;text-decoration:none}
.sr-tools{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.sr-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:.5rem 0}
.sr-nav a[aria-current=page]{font-weight:700}
.sr-nav-inline{list-style:none;margin:0;padding:0}
.sr-inline-form{display:inline;margin:0}
.sr-card{border:1px solid #8a8a8a;border-radius:4px;padding:1rem;margin-block:1rem}
.sr-steps li{margin-block:.25rem}
.sr-done{color:#1a6b2f}
.sr-code{font-family:ui-monospace,monospace;font-size:1.75rem;letter-spacing:.12em;overflow-wrap:anywhere}
.sr-table-wrap{overflow-x:auto}
.sr-table-wrap .utrecht-table__cell{white-space:nowrap}
.sr-plain-list{list-style:none;padding-inline-start:0}
.utrecht-checkbox--html-input{inline-size:1.5rem;block-size:1.5rem;accent-color:#2f6f9f}
.sr-button-row{display:flex;flex-wrap:wrap;gap:.5rem}
.sr-acting-for{font-weight:700;border-inline-start:4px solid #2f6f9f;padding-inline-start:.5rem}
.sr-inline-form .utrecht-button{margin-inline-start:.5rem}
.sr-bar{display:flex;inline-size:100%;block-size:2.5rem;border:1px solid #333;margin-block:.5rem}
.sr-bar-keep{background:#2f6f9f}
.sr-bar-pay{background:#e8a33d}
.sr-legend{list-style:none;padding:0}
.sr-legend span{display:inline-block;inline-size:1rem;block-size:1rem;margin-inline-end:.5rem;vertical-align:middle;border:1px solid #333}
[dir=rtl] .sr-chart{transform:scaleX(-1)}
.sr-chart{inline-size:100%;block-size:auto;max-block-size:12rem}
.sr-footer{margin-block-start:2rem;padding-block:1rem;border-block-start:2px solid #ccc}
:focus-visible{outline:3px solid #000;outline-offset:2px;box-shadow:0 0 0 5px #ffbf47}
.utrecht-form-field{margin-block:1rem}
.utrecht-textbox,.utrecht-select{max-inline-size:100%}
.utrecht-textbox--invalid,.utrecht-select--invalid{border-color:#b00020}
.utrecht-form-field-error-message{color:#b00020;font-weight:700}
.sr-button-link{display:inline-flex;align-items:center;text-decoration:none;color:var(--utrecht-button-primary-action-color,#fff)}
.sr-visually-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
