import { GeneralErrorCode } from '#contracts';
import { CoordinatorError } from './coordinator-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether a text is a platform id (a UUID as the platform makes them). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Platform ids are UUIDs; anything else is refused before it reaches SQL. */
export function requireUuid(value: string, field: string): string {
  const id = value.trim().toLowerCase();
  if (!isUuid(id)) {
    throw new CoordinatorError(GeneralErrorCode.BAD_USER_INPUT, `"${field}" is not a valid id.`, [
      { code: GeneralErrorCode.BAD_USER_INPUT, field, message: 'Not a valid id.' },
    ]);
  }
  return id;
}
