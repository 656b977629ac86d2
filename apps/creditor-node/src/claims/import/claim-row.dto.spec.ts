import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { CLAIM_ROW_FIELDS, isImportErrorCode } from './claim-import-row.js';
import { graphqlInput } from './claim-import.test-fixtures.js';
import { ClaimRowDto, toClaimRowDto, validateClaimRowDto } from './claim-row.dto.js';

describe('ClaimRowDto', () => {
  it('ties every check to an ImportErrorCode, so no error can reach a user without one', () => {
    const checks = getMetadataStorage().getTargetValidationMetadatas(ClaimRowDto, '', true, false);
    const withoutCode = checks.filter(
      (check) => check.type !== 'conditionalValidation' && !isImportErrorCode((check.context as { code?: unknown } | undefined)?.code),
    );
    expect(checks.length).toBeGreaterThan(30);
    expect(withoutCode.map((check) => `${check.propertyName}: ${check.name ?? check.type}`)).toEqual([]);
  });

  it('checks every field of the row', () => {
    const checks = getMetadataStorage().getTargetValidationMetadatas(ClaimRowDto, '', true, false);
    expect(new Set(checks.map((check) => check.propertyName))).toEqual(new Set(CLAIM_ROW_FIELDS));
  });

  it('accepts a good row', () => {
    expect(validateClaimRowDto(toClaimRowDto(graphqlInput()))).toEqual([]);
  });

  it('trims text and treats a blank value as missing', () => {
    const dto = toClaimRowDto(graphqlInput({ claimReference: '  AJ-2025-004711 ', customerBirthDate: '   ', costsCents: '' }));
    expect(dto.claimReference).toBe('AJ-2025-004711');
    expect(dto.customerBirthDate).toBeUndefined();
    expect(dto.costsCents).toBeUndefined();
  });

  it('lower-cases the stage, so GraphQL enum names and CSV values meet', () => {
    expect(toClaimRowDto(graphqlInput({ stage: 'FORMAL_DEMAND' })).stage).toBe('formal_demand');
    expect(toClaimRowDto(graphqlInput({ stage: ' Reminder ' })).stage).toBe('reminder');
  });

  it('puts a description that spans lines on one line', () => {
    const dto = toClaimRowDto(graphqlInput({ description: 'Gemeentelijke belastingen 2025\r\n  afvalstoffenheffing\t\n' }));
    expect(dto.description).toBe('Gemeentelijke belastingen 2025 afvalstoffenheffing');
  });

  it('copies only the known fields', () => {
    const dto = toClaimRowDto({ ...graphqlInput(), isAdmin: true });
    expect(Object.hasOwn(dto, 'isAdmin')).toBe(false);
  });

  it('leaves non-text values alone for the checks to judge', () => {
    expect(toClaimRowDto(graphqlInput({ preferential: true, principalCents: 41250 })).principalCents).toBe(41250);
  });
});
