/** Admin alerts for what the inbox and /publish refused, with their `file:line: problem` lines. */
import { fileName } from '../render/alert-messages.js';
import type { InboxReport } from '../inbox/inbox-poller.js';
import type { Alert } from './alerts.js';

/** One alert per rejected inbox file, for every server (the inbox belongs to the whole bot). */
export function inboxAlerts(report: InboxReport, at: Date = new Date()): Alert[] {
  return (report.problems ?? []).map((problem) => ({
    key: `inbox:${problem.file}:${at.toISOString()}`,
    kind: 'rejected-file' as const,
    text: `The inbox rejected ${fileName(problem.file)}; it was moved to \`inbox/rejected/\` with the problem beside it. Fix it and drop it in again:`,
    problemLines: problem.lines,
  }));
}

/** The alert for an upload /publish refused, for the server it was made in. */
export function publishAlert(input: { guildId: string; file: string; userId: string; lines: string[]; interactionId: string }): Alert {
  return {
    key: `publish:${input.interactionId}`,
    kind: 'publish-failed',
    guildId: input.guildId,
    text: `<@${input.userId}> tried to /publish ${fileName(input.file)}; it is not a briefing the bot can store:`,
    problemLines: input.lines,
  };
}
