import { Client, GatewayIntentBits, type ClientOptions, type Interaction, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { LocalDiscord, type LocalDiscordOptions } from '../../../src/sandbox/emulator/index.js';

/** A started emulator and a real discord.js Client logged in to it. */
export interface BotHarness {
  discord: LocalDiscord;
  client: Client;
  /** Destroys the client and closes the emulator; safe to call twice. */
  stop(): Promise<void>;
}

/** Options for {@link startBot}. */
export interface StartBotOptions {
  emulator?: LocalDiscordOptions;
  client?: Partial<ClientOptions>;
  /** Commands to register globally (through the real REST route) once ready. */
  commands?: RESTPostAPIApplicationCommandsJSONBody[];
}

/**
 * Starts a LocalDiscord and an unmodified discord.js Client pointed at it with
 * `rest: { api: discord.apiBase }`, and waits for `clientReady`.
 */
export async function startBot(options: StartBotOptions = {}): Promise<BotHarness> {
  const discord = await LocalDiscord.start(options.emulator);
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...options.client, rest: { ...options.client?.rest, api: discord.apiBase } });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    await discord.close();
  };
  try {
    const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
    await client.login(discord.token);
    await ready;
    if (options.commands) await client.application?.commands.set(options.commands);
  } catch (error) {
    await stop();
    throw error;
  }
  return { discord, client, stop };
}

/** The next interaction the client receives, narrowed by `accept`; the test then answers it directly. */
export function nextInteraction<T extends Interaction>(client: Client, accept: (interaction: Interaction) => interaction is T, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('interactionCreate', listener);
      reject(new Error('no interaction arrived'));
    }, timeoutMs);
    const listener = (interaction: Interaction): void => {
      if (!accept(interaction)) return;
      clearTimeout(timer);
      client.off('interactionCreate', listener);
      resolve(interaction);
    };
    client.on('interactionCreate', listener);
  });
}
