/** A small, valid briefing for search tests: every field has a default, any can be overridden. */
import type { Briefing } from '../../src/domain/briefing.schema.js';

export function makeBriefing(overrides: Partial<Briefing> & { slug: string }): Briefing {
  return {
    title: `LUMEN INSIGHT: ${overrides.slug.replace(/-/g, ' ').toUpperCase()}`,
    summary: '',
    incident: '',
    motivations: [],
    structure: { actors: [], dimensions: [] },
    keyVariables: [],
    trends: [],
    structuralSummary: '',
    publishedAt: '2026-01-01T00:00:00.000Z',
    tags: [],
    sectionEmoji: {},
    warnings: [],
    ...overrides,
  };
}
