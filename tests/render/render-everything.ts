/**
 * Every renderer applied to one briefing (and generated search, ask, help and digest inputs),
 * for the property tests: each output is labelled so a failure names the renderer.
 */
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { SECTION_CHOICES } from '../../src/domain/briefing-sections.js';
import {
  renderAskResults,
  renderBriefingCard,
  renderDigest,
  renderFullBriefing,
  renderHelp,
  renderKeyVariable,
  renderKeyVariables,
  renderNewBriefingPost,
  renderPositions,
  renderPublishPreview,
  renderSearchResults,
  renderSection,
  renderTrends,
  renderUnknownBriefing,
  renderUserError,
  type MessagePayload,
} from '../../src/render/index.js';
import { generateListing, prose, type Rng } from './briefing-generator.js';

export interface Rendered {
  label: string;
  payload: MessagePayload;
}

/** All outputs for `briefing`, with inputs for the other renderers drawn from `rng`. */
export function renderEverything(briefing: Briefing, rng: Rng): Rendered[] {
  const out: Rendered[] = [];
  const add = (label: string, payloads: MessagePayload | MessagePayload[]): void => {
    for (const [i, payload] of [payloads].flat().entries()) out.push({ label: `${label}#${i}`, payload });
  };
  const actors = briefing.structure.actors;
  const dimensions = briefing.structure.dimensions;
  const someActor = actors.length > 0 ? rng.pick(actors) : 'nobody';
  const someDimension = dimensions.length > 0 ? rng.pick(dimensions).name : 'nothing';

  add('card', renderBriefingCard(briefing));
  for (const section of SECTION_CHOICES) add(`section:${section}`, renderSection(briefing, section));
  add('full', renderFullBriefing(briefing));
  add('positions:all', renderPositions(briefing));
  add('positions:actor', renderPositions(briefing, { actor: someActor }));
  add('positions:dimension', renderPositions(briefing, { dimension: someDimension }));
  add('positions:cell', renderPositions(briefing, { actor: someActor, dimension: someDimension }));
  add('positions:unknown', renderPositions(briefing, { actor: prose(rng, 300) }));
  add('variables', renderKeyVariables(briefing));
  const related = {
    trends: briefing.trends.slice(0, rng.int(0, 3)),
    positions: dimensions.slice(0, 4).flatMap((d) => Object.entries(d.positions).slice(0, 1).map(([actor, text]) => ({ dimension: d.name, actor, text }))),
  };
  add('variable', renderKeyVariable(briefing, rng.int(1, briefing.keyVariables.length + 1), related));
  add('trends', renderTrends(briefing));
  add('trend', renderTrends(briefing, rng.int(1, briefing.trends.length + 1)));

  // Search results and digests show only slug, title, summary and date of the other briefings.
  const others = Array.from({ length: rng.int(0, 40) }, () => generateListing(rng, rng.chance(0.5) ? 'tiny' : 'medium'));
  const results = [briefing, ...others].map((b) => ({
    slug: b.slug,
    title: b.title,
    score: rng.next(),
    field: rng.pick(['title', 'keyVariables', 'structuralSummary', 'actors']),
    snippet: prose(rng, rng.int(1, 600)),
  }));
  const query = prose(rng, rng.int(0, 400));
  add('search', renderSearchResults(query, results, rng.int(-2, 8), rng.int(0, 15)));
  add('search:empty', renderSearchResults(query, [], 1, 5));
  const asks = results.slice(0, rng.int(0, 8)).map((r, i) => ({
    slug: r.slug,
    keyVariable: briefing.keyVariables[i] ?? { n: i + 1, text: prose(rng, 2000) },
    score: r.score,
    related,
  }));
  const titles = new Map(results.map((r) => [r.slug, r.title]));
  add('ask', renderAskResults(prose(rng, rng.int(1, 500)), asks, (slug) => titles.get(slug) ?? slug));
  add('ask:empty', renderAskResults(query, [], () => ''));
  const commands = Array.from({ length: rng.int(0, 40) }, () => ({
    name: prose(rng, 32),
    description: prose(rng, rng.int(1, 1500)),
    usage: prose(rng, rng.int(0, 600)),
  }));
  add('help', renderHelp(commands));
  add('error', renderUserError(prose(rng, rng.int(1, 6000)), Array.from({ length: rng.int(0, 30) }, () => prose(rng, 300))));
  add('unknown-briefing', renderUnknownBriefing(query, results.slice(0, rng.int(0, 8))));
  add('new-post', renderNewBriefingPost(briefing, rng.chance(0.5) ? { roleId: '123456789012345678' } : {}));
  const window = { since: '2026-03-28T06:00:00Z', until: '2026-03-29T06:00:00Z', timezone: rng.pick(['Europe/Berlin', 'UTC', 'Not/AZone']) };
  add('digest', renderDigest([briefing, ...others], window));
  add('publish-preview', renderPublishPreview(briefing, 'tok_ABC-123'));
  return out;
}

/** Every displayed string of a payload, for text checks. */
export function displayedStrings(payload: MessagePayload): string[] {
  const strings: string[] = payload.content ? [payload.content] : [];
  for (const e of payload.embeds) {
    strings.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '', e.author?.name ?? '');
    for (const f of e.fields ?? []) strings.push(f.name, f.value);
  }
  for (const row of payload.components) {
    for (const c of row.components) {
      if (c.type === 2) strings.push(c.label);
      else strings.push(c.placeholder ?? '', ...c.options.flatMap((o) => [o.label, o.description ?? '']));
    }
  }
  return strings.filter(Boolean);
}
