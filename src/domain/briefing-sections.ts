/**
 * The sections a reader can ask for by name (`--section variables`, `/brief section:trends`),
 * mapped to the model's fields, with the heading and emoji the seed format uses.
 */
import type { Briefing } from './briefing.schema.js';

export const SECTION_CHOICES = ['summary', 'incident', 'motivations', 'structure', 'variables', 'trends', 'structural'] as const;
export type SectionChoice = (typeof SECTION_CHOICES)[number];

export const SECTIONS: Record<SectionChoice, { field: keyof Briefing; heading: string; defaultEmoji: string }> = {
  summary: { field: 'summary', heading: 'Summary', defaultEmoji: '📝' },
  incident: { field: 'incident', heading: 'Incident Identification', defaultEmoji: '🗞️' },
  motivations: { field: 'motivations', heading: 'Motivation Analysis', defaultEmoji: '🎯' },
  structure: { field: 'structure', heading: 'Structural Perspectives', defaultEmoji: '📊' },
  variables: { field: 'keyVariables', heading: 'Key Variables', defaultEmoji: '🧨' },
  trends: { field: 'trends', heading: 'Trend Prediction', defaultEmoji: '📈' },
  structural: { field: 'structuralSummary', heading: 'Structural Summary', defaultEmoji: '📐' },
};

/** The emoji to show before a section: the source's own when it had one. */
export function sectionEmoji(briefing: Briefing, section: SectionChoice): string {
  const field = SECTIONS[section].field;
  const own = field in briefing.sectionEmoji ? briefing.sectionEmoji[field as keyof Briefing['sectionEmoji']] : undefined;
  return own ?? SECTIONS[section].defaultEmoji;
}

export function isSectionChoice(value: string): value is SectionChoice {
  return (SECTION_CHOICES as readonly string[]).includes(value);
}
