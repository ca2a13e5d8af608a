/**
 * What a slash command module in `commands/` exports, and what it is given to work with.
 * A module reads its options, calls search, renders, and answers: no parsing, search or
 * scheduling logic of its own.
 */
import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { AlertService } from '../delivery/alerts.js';
import type { PendingUploads } from '../delivery/pending-uploads.js';
import type { TestPostResult } from '../delivery/test-post.js';
import type { Subscription } from '../domain/subscription.schema.js';
import type { SubscriptionService } from '../delivery/subscription-service.js';
import type { Clock } from '../domain/clock.js';
import type { ImportReport, ParsedFile } from '../import/import-briefing-files.js';
import type { Logger } from '../log.js';
import type { CustomIdAction } from '../interaction-ids/custom-ids.js';
import type { BriefingContext } from './briefing-context.js';
import type { SearchView } from '../search/index.js';
import type { InteractionResponder } from './interaction-responder.js';
import type { MessagePayload } from '../render/message-payload.js';

/** Everything a command may use; built once by the composition root. */
export interface CommandContext {
  /** Briefings and every query over them (read-only). */
  library: SearchView;
  clock: Clock;
  logger: Logger;
  /** What each channel is talking about (a prior for /ask); absent in a bot started without state. */
  briefingContext?: BriefingContext;
  /** Subscriptions and publishing; absent in a bot started without delivery (some tests). */
  delivery?: DeliveryServices;
}

export interface DeliveryServices {
  subscriptions: SubscriptionService;
  uploads: PendingUploads;
  /** Stores a confirmed upload and sets its delivery going. */
  publish(parsed: Extract<ParsedFile, { ok: true }>): Promise<ImportReport>;
  /** Where admins are told what needs them (issue 16). */
  alerts: AlertService;
  /** Posts a marked test of what the subscription's next delivery would look like. */
  testPost(subscription: Subscription): Promise<TestPostResult>;
}

/** An expected failure the user can act on: answered ephemerally, logged as `user-error`. */
export class UserFacingError extends Error {
  readonly payloadKind: 'text' | 'unknown-briefing';
  readonly query: string;

  constructor(message: string, options: { unknownBriefing?: string } = {}) {
    super(message);
    this.payloadKind = options.unknownBriefing === undefined ? 'text' : 'unknown-briefing';
    this.query = options.unknownBriefing ?? '';
  }
}

export type ComponentHandler = (
  interaction: MessageComponentInteraction,
  action: CustomIdAction,
  respond: InteractionResponder,
  ctx: CommandContext,
) => Promise<void>;

export type ModalHandler = (interaction: ModalSubmitInteraction, action: CustomIdAction, respond: InteractionResponder, ctx: CommandContext) => Promise<void>;

/** A message context-menu command (right-click a message → Apps → its name). */
export interface MessageCommand {
  data: { name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  execute(interaction: MessageContextMenuCommandInteraction, respond: InteractionResponder, ctx: CommandContext): Promise<void>;
}

/**
 * A member's reply to one of the bot's messages about briefings (src/discord/reply-router.ts):
 * the briefings that message is about, main one first, and the question typed, when Discord lets
 * the bot read it (the reply mentions the bot; without the Message Content intent nothing else is
 * readable) and it reads as a question.
 */
export interface BriefingReply {
  slugs: string[];
  question: string | undefined;
  channelId: string;
  userId: string;
}

/** Sends the answer to a reply: the first message as a reply to it, later ones after it. */
export interface ReplyResponder {
  sendAll(payloads: readonly MessagePayload[]): Promise<void>;
}

export type ReplyHandler = (reply: BriefingReply, respond: ReplyResponder, ctx: CommandContext) => Promise<void>;

export interface CommandModule {
  /** The slash command builder (anything with a name and toJSON). */
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** A line for /help: how to use it. */
  usage: string;
  execute(interaction: ChatInputCommandInteraction, respond: InteractionResponder, ctx: CommandContext): Promise<void>;
  /** Choices for the focused option; the router sends them (at most 25). */
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): ApplicationCommandOptionChoiceData[];
  /** Handlers for the buttons and selects this command's messages carry, by custom_id action kind. */
  components?: Partial<Record<CustomIdAction['kind'], ComponentHandler>>;
  /** A message command this module also answers (registered beside the slash command). */
  messageCommand?: MessageCommand;
  /** Handlers for the modals this module opens, by custom_id action kind. */
  modals?: Partial<Record<CustomIdAction['kind'], ModalHandler>>;
  /** Answers replies to the bot's messages about briefings (one module at most). */
  replies?: ReplyHandler;
}
