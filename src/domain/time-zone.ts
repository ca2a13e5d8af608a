/**
 * Whether the runtime knows an IANA time zone (`Europe/Berlin`, `UTC`). In the domain because the
 * store (validating state.json), the scheduler and /subscribe all ask it, and must agree: a zone
 * Intl refuses makes every schedule computation for a subscription throw.
 */
/**
 * Zones already found valid: building a formatter costs ~0.15 ms, and every subscription read
 * back from a store is validated (a claim of 1,000 subscriptions: ~170 ms of formatters alone).
 * A few hundred names at most; a zone the runtime knows stays known.
 */
const KNOWN_ZONES = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
  if (KNOWN_ZONES.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    KNOWN_ZONES.add(zone);
    return true;
  } catch {
    return false;
  }
}
