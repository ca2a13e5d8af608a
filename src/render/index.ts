/**
 * The renderer's public API: pure functions from the domain model to Discord message payloads
 * (plain API JSON). Every payload respects every limit in discord-limits.ts.
 */
export { renderAskResults, type AskContextNote, type AskResultView } from './ask-results.js';
export { briefingCardEmbed, renderBriefingCard } from './briefing-card.js';
export { renderBriefingView, renderFullBriefing } from './briefing-message.js';
export { decodeCustomId, encodeCustomId, type BriefingView, type CustomIdAction } from '../interaction-ids/custom-ids.js';
export { briefingThreadName, renderDigest, renderNewBriefingPost, renderPublishPreview, type DigestWindow } from './delivery-messages.js';
export { AUTOCOMPLETE_LIMITS, COMPONENT_LIMITS, DISCORD_LIMITS, MESSAGE_LIMITS } from './discord-limits.js';
export { renderHelp, type CommandHelp } from './help-message.js';
export { renderKeyVariable, renderKeyVariables, renderTrends, type RelatedMaterial, type RelatedPosition } from './key-variable-messages.js';
export type { ApiActionRow, ApiButton, ApiEmbed, ApiEmbedField, ApiSelectOption, ApiStringSelect, MessagePayload } from './message-payload.js';
export { BRAND_COLOR, DIGEST_COLOR, ERROR_COLOR } from './message-payload.js';
export { actorsOf, renderPositions, type PositionQuery } from './position-table.js';
export { escapeMarkdown, neutraliseMentions, plainText } from './safe-text.js';
export { MAX_PAGE_SIZE, renderSearchResults, type SearchResultView } from './search-results.js';
export { renderSection } from './section-messages.js';
export { splitText } from './split-text.js';
export { truncateLabel, truncateText } from './truncate-text.js';
export { isUserError, renderUnknownBriefing, renderUserError, type SuggestedBriefing } from './user-error.js';
