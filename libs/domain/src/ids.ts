import { v7 as uuidv7, validate as isUuid } from 'uuid';

/** Time-ordered UUID (v7): new rows land at the end of the primary-key index. */
export function newId(): string {
  return uuidv7();
}

export { isUuid };
