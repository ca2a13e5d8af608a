/**
 * Delivery ids double as Discord message nonces (at most 25 characters), so they are numeric
 * strings: the time in ms and a counter, unique within a process and across restarts.
 */
let counter = 0;

export function newDeliveryId(now: Date): string {
  counter = (counter + 1) % 1000;
  return `${now.getTime()}${String(counter).padStart(3, '0')}`;
}

/** The nonce of part `part` of a delivery: distinct per message, so Discord drops only true repeats. */
export function partNonce(deliveryId: string, part: number): string {
  return part === 0 ? deliveryId : `${deliveryId}${String(part).padStart(4, '0')}`;
}
