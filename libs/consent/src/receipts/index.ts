// Consent receipts (LEDGER.md "Tools"): one signed file per ledger entry that a resident keeps and
// anyone can check offline. Pure: jose and node:crypto only, no framework, no I/O.
export {
  CONSENT_RECEIPT_FILE_TYPE,
  CONSENT_RECEIPT_FILE_VERSION,
  CONSENT_RECEIPT_TYPE,
  type ConsentReceiptFile,
  type ConsentReceiptPayload,
} from './consent-receipt-format.js';
export * from './consent-receipt.js';
