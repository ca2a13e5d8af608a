import { ComponentAssertions, EmbedAssertions, embedLength, ModalAssertions, SlashCommandAssertions } from '@discordjs/builders';
import { describe, expect, it } from 'vitest';
import { COMPONENT_LIMITS, DISCORD_API_LIMITS, DISCORD_MAX_CHOICES, MESSAGE_LIMITS } from '../../src/render/discord-limits.js';
import { DISCORD_LIMITS } from '../../src/sandbox/emulator/index.js';
import { embedCharacters } from '../../src/sandbox/emulator/validation/embed-schema.js';

const accepts = (check: (value: string) => unknown, length: number): boolean => {
  try {
    check('x'.repeat(length));
    return true;
  } catch {
    return false;
  }
};

/** A limit is the same when @discordjs/builders accepts exactly `limit` and refuses `limit + 1`. */
function expectSameStringLimit(limit: number, check: (value: string) => unknown): void {
  expect(accepts(check, limit)).toBe(true);
  expect(accepts(check, limit + 1)).toBe(false);
}

function expectSameCountLimit(limit: number, check: (count: number) => unknown): void {
  expect(() => check(limit)).not.toThrow();
  expect(() => check(limit + 1)).toThrow();
}

describe('the emulator limits agree with @discordjs/builders where it states one', () => {
  it('given the embed limits, then title, description, field, footer and author lengths and the field count match', () => {
    const E = DISCORD_LIMITS.embed;
    expectSameStringLimit(E.title, (v) => EmbedAssertions.titlePredicate.parse(v));
    expectSameStringLimit(E.description, (v) => EmbedAssertions.descriptionPredicate.parse(v));
    expectSameStringLimit(E.fieldName, (v) => EmbedAssertions.fieldNamePredicate.parse(v));
    expectSameStringLimit(E.fieldValue, (v) => EmbedAssertions.fieldValuePredicate.parse(v));
    expectSameStringLimit(E.footerText, (v) => EmbedAssertions.footerTextPredicate.parse(v));
    expectSameStringLimit(E.authorName, (v) => EmbedAssertions.authorNamePredicate.parse(v));
    expectSameCountLimit(E.fields, (n) => EmbedAssertions.validateFieldLength(n, []));
  });

  it('given an embed, then the emulator counts toward the 6000 total exactly as builders embedLength does', () => {
    const embed = { title: 'Sahel', description: 'Weekly', fields: [{ name: 'Risk', value: 'High' }], footer: { text: 'Lumen' }, author: { name: 'Analyst' } };
    expect(embedCharacters(embed)).toBe(embedLength(embed));
  });

  it('given the component limits, then custom_id, label, placeholder, option texts and counts match', () => {
    const C = DISCORD_LIMITS.components;
    expectSameStringLimit(C.customId, (v) => ComponentAssertions.customIdValidator.parse(v));
    expect(accepts((v) => ComponentAssertions.customIdValidator.parse(v), 0)).toBe(false);
    expectSameStringLimit(C.buttonLabel, (v) => ComponentAssertions.buttonLabelValidator.parse(v));
    expectSameStringLimit(C.selectPlaceholder, (v) => ComponentAssertions.placeholderValidator.parse(v));
    expectSameStringLimit(C.selectOptionLabel, (v) => ComponentAssertions.labelValueDescriptionValidator.parse(v));
    expectSameStringLimit(C.selectOptionValue, (v) => ComponentAssertions.labelValueDescriptionValidator.parse(v));
    expectSameStringLimit(C.selectOptionDescription, (v) => ComponentAssertions.labelValueDescriptionValidator.parse(v));
    expectSameCountLimit(C.selectOptions, (n) => ComponentAssertions.optionsLengthValidator.parse(n));
    expectSameCountLimit(C.selectMaxValues, (n) => ComponentAssertions.minMaxValidator.parse(n));
    expectSameStringLimit(C.modalTitle, (v) => ModalAssertions.titleValidator.parse(v));
  });

  it('given the command limits, then name, description, option and choice counts match', () => {
    const L = DISCORD_LIMITS.command;
    expectSameStringLimit(L.name, (v) => SlashCommandAssertions.validateName(v));
    expectSameStringLimit(L.description, (v) => SlashCommandAssertions.validateDescription(v));
    expectSameCountLimit(L.options, (n) => SlashCommandAssertions.validateMaxOptionsLength(Array.from({ length: n })));
    expectSameCountLimit(L.choices, (n) => SlashCommandAssertions.validateChoicesLength(n));
  });

  it('given limits builders does not state, then they hold the values of docs/discord-facts.md', () => {
    expect(DISCORD_LIMITS.message.content).toBe(2000);
    expect(DISCORD_LIMITS.message.embeds).toBe(10);
    expect(DISCORD_LIMITS.embed.totalCharacters).toBe(6000);
    expect(DISCORD_LIMITS.components.actionRows).toBe(5);
    expect(DISCORD_LIMITS.components.buttonsPerRow).toBe(5);
    expect(DISCORD_LIMITS.autocomplete).toEqual({ choices: 25, choiceName: 100, choiceValue: 100 });
    expect(DISCORD_LIMITS.interaction).toEqual({ initialResponseMs: 3_000, tokenLifetimeMs: 900_000 });
    expect(DISCORD_LIMITS.rateLimit.globalPerSecond).toBe(50);
  });

  it('then the renderer, the emulator and the tests read one table: src/render/discord-limits.ts', () => {
    expect(DISCORD_LIMITS).toBe(DISCORD_API_LIMITS);
    expect(MESSAGE_LIMITS.content).toBe(DISCORD_LIMITS.message.content);
    expect(MESSAGE_LIMITS.total).toBe(DISCORD_LIMITS.embed.totalCharacters);
    expect(COMPONENT_LIMITS.customId).toBe(DISCORD_LIMITS.components.customId);
    expect(DISCORD_MAX_CHOICES).toBe(25);
    expect(DISCORD_LIMITS.command.choices).toBe(DISCORD_MAX_CHOICES);
  });
});
