/**
 * The briefings one of the bot's messages is about, main one first, read from the state its
 * buttons carry (src/interaction-ids/custom-ids.ts): a card's section buttons, an answer's key
 * variable buttons, a digest's "open" buttons. Used by the "Ask about this briefing" command
 * and by replies to the bot's messages (reply-router.ts).
 */
import type { Message } from 'discord.js';
import { decodeCustomId } from '../interaction-ids/custom-ids.js';

export function briefingsOfMessage(message: Pick<Message, 'components'>): string[] {
  const slugs: string[] = [];
  for (const row of message.components) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      const action = 'customId' in component && component.customId ? decodeCustomId(component.customId) : undefined;
      if (action && 'slug' in action && !slugs.includes(action.slug)) slugs.push(action.slug);
    }
  }
  return slugs;
}
