/**
 * `/readyz`: whether this process should be sent work. Each check is a probe handed in by whoever
 * starts the server (gateway ready, store reachable, last scheduler tick recent), so this module
 * knows nothing of Discord, the stores or the schedule. A probe that throws or takes longer than
 * the timeout counts as not ready, with the reason.
 */

export interface ProbeResult {
  ok: boolean;
  /** Why, for the operator reading the answer. */
  detail?: string;
}

export type ReadinessProbe = () => ProbeResult | Promise<ProbeResult>;

export interface Readiness {
  ready: boolean;
  checks: Record<string, ProbeResult>;
}

export async function checkReadiness(probes: Readonly<Record<string, ReadinessProbe>>, timeoutMs = 2_000): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]): Promise<[string, ProbeResult]> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<ProbeResult>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
      });
      try {
        const answer = Promise.resolve().then(probe).catch((error: unknown): ProbeResult => ({ ok: false, detail: (error as Error).message ?? String(error) }));
        return [name, await Promise.race([answer, timeout])];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checks = Object.fromEntries(entries);
  return { ready: entries.every(([, result]) => result.ok), checks };
}
