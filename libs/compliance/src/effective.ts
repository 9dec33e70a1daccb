/** A value of the law, in force from `effectiveFrom` (a UTC date) until the next version. */
export interface Effective<T> {
  effectiveFrom: string;
  value: T;
}

/** The version in force on a date; versions are listed oldest first. */
export function inForceOn<T>(versions: readonly Effective<T>[], on: Date, what: string): T {
  const version = [...versions].reverse().find((v) => Date.parse(`${v.effectiveFrom}T00:00:00Z`) <= on.getTime());
  if (!version) throw new RangeError(`No ${what} is in force on ${on.toISOString()}`);
  return version.value;
}
