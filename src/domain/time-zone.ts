/**
 * Whether the runtime knows an IANA time zone (`Europe/Berlin`, `UTC`). In the domain because the
 * store (validating state.json), the scheduler and /subscribe all ask it, and must agree: a zone
 * Intl refuses makes every schedule computation for a subscription throw.
 */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
