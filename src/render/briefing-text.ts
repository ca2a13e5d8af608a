/**
 * A briefing as plain text for a terminal (`lumen show`, `lumen parse`).
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { SECTION_CHOICES, SECTIONS, sectionEmoji, type SectionChoice } from '../domain/briefing-sections.js';

export function renderSectionText(briefing: Briefing, section: SectionChoice): string {
  const heading = `${sectionEmoji(briefing, section)} ${SECTIONS[section].heading}`;
  return `${heading}\n${sectionBody(briefing, section) || '(none)'}`;
}

export function renderBriefingText(briefing: Briefing): string {
  const parts = [briefing.title, `${briefing.slug} · published ${briefing.publishedAt.slice(0, 10)}`];
  for (const section of SECTION_CHOICES) parts.push(renderSectionText(briefing, section));
  return parts.join('\n\n');
}

function sectionBody(briefing: Briefing, section: SectionChoice): string {
  switch (section) {
    case 'summary':
      return briefing.summary;
    case 'incident':
      return briefing.incident;
    case 'structural':
      return briefing.structuralSummary;
    case 'motivations':
      return briefing.motivations.map((m) => `• ${m.label ? `${m.label}: ` : ''}${m.text}`).join('\n');
    case 'variables':
      return briefing.keyVariables.map((v) => `${v.n}. ${v.text}`).join('\n');
    case 'trends':
      return briefing.trends.map((t) => `${t.n}. ${t.text}`).join('\n');
    case 'structure':
      return briefing.structure.dimensions
        .map((d) => [d.name, ...briefing.structure.actors.map((a) => `  ${a}: ${d.positions[a] ?? '(no position given)'}`)].join('\n'))
        .join('\n');
  }
}
