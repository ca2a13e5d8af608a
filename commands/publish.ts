/**
 * /publish: a member with Manage Server uploads a briefing file; it is parsed and previewed
 * (only to them) with its warnings, and stored only when they press Confirm.
 */
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { formatIssue } from '../src/domain/errors.js';
import { MAX_BRIEFING_BYTES } from '../src/domain/decode-briefing-bytes.js';
import { UserFacingError, type CommandModule } from '../src/discord/command-module.js';
import { parseBriefingBytes } from '../src/import/import-briefing-files.js';
import { renderPublishPreview, renderUserError } from '../src/render/index.js';
import { BRAND_COLOR } from '../src/render/message-payload.js';
import { publishAlert } from '../src/delivery/inbox-alerts.js';
import { requireDelivery, requirePermission } from './delivery-context.js';

export const data = new SlashCommandBuilder()
  .setName('publish')
  .setDescription('Upload a briefing file: preview it, then publish it to the archive and subscribers')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addAttachmentOption((o) => o.setName('file').setDescription('The briefing, a Markdown (.md) file of at most 1 MiB').setRequired(true));

export const publish: CommandModule = {
  data,
  usage: '/publish file:<briefing.md>',
  async execute(interaction, respond, ctx) {
    const guildId = requirePermission(interaction, 'server');
    const { uploads, alerts } = requireDelivery(ctx);
    const file = interaction.options.getAttachment('file', true);
    if (file.size > MAX_BRIEFING_BYTES) throw new UserFacingError(`${file.name} is ${(file.size / 1048576).toFixed(1)} MiB; a briefing may be at most 1 MiB.`);
    await respond.defer({ ephemeral: true });
    const response = await fetch(file.url).catch((error: Error) => {
      throw new UserFacingError(`I could not download ${file.name} (${error.message}). Try uploading it again.`);
    });
    if (!response.ok) throw new UserFacingError(`I could not download ${file.name} (HTTP ${response.status}). Try uploading it again.`);
    const parsed = parseBriefingBytes(new Uint8Array(await response.arrayBuffer()), file.name, ctx.clock.now());
    if (!parsed.ok) {
      const lines = parsed.problem.issues.map((issue) => formatIssue(file.name, issue));
      await respond.send(renderUserError(`${file.name} is not a briefing I can publish. Fix it and upload it again:`, lines), { ephemeral: true });
      await alerts.raise(publishAlert({ guildId, file: file.name, userId: interaction.user.id, lines, interactionId: interaction.id }));
      return;
    }
    const token = uploads.add(parsed, interaction.user.id);
    await respond.send(renderPublishPreview(parsed.incoming.briefing, token), { ephemeral: true });
  },
  components: {
    async publish(interaction, action, respond, ctx) {
      if (action.kind !== 'publish') return;
      requirePermission(interaction, 'server');
      const delivery = requireDelivery(ctx);
      const upload = delivery.uploads.peek(action.token);
      if (!upload) throw new UserFacingError('This preview has expired or was already used. Run /publish again.');
      if (upload.userId !== interaction.user.id) throw new UserFacingError('Only the member who uploaded this briefing can confirm it.');
      delivery.uploads.take(action.token);
      const slug = upload.parsed.incoming.briefing.slug;
      if (action.decision === 'cancel') {
        await respond.update({ embeds: [{ description: `Discarded: \`${slug}\` was not published.`, color: BRAND_COLOR }], components: [] });
        return;
      }
      const report = await delivery.publish(upload.parsed);
      const saved = report.saved[0];
      const text =
        saved?.outcome === 'unchanged'
          ? `\`${slug}\` is already in the archive with exactly this content: nothing changed.`
          : saved?.outcome === 'updated'
            ? `Updated \`${slug}\` (revision ${saved.revision}). Subscribers are not notified of updates.`
            : `Published \`${slug}\`. New-briefing subscriptions post it within a minute; digests list it in their next one.`;
      await respond.update({ embeds: [{ description: `✅ ${text}`, color: BRAND_COLOR }], components: [] });
    },
  },
};
