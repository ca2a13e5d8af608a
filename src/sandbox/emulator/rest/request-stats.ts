import type { RecordedRequest } from './request-log.js';

/**
 * The most requests that arrived within any rolling window (default one second): what a benchmark
 * compares with Discord's 50 requests per second. Uses wall-clock arrival times.
 */
export function peakRequestsPerSecond(requests: readonly RecordedRequest[], windowMs = 1_000): number {
  const times = requests.map((r) => r.at).sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}
