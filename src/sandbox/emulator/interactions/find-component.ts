import type { EmulatorContext } from '../emulator-context.js';
import { apiChannel, apiRole } from '../state/api-objects.js';
import type { StoredMessage } from '../state/stored-message.js';
import { COMPONENT_TYPE } from '../validation/component-schema.js';

/** Which component a user acts on. */
export type ComponentTarget = { kind: 'button'; customId: string } | { kind: 'select'; customId: string; values: string[] };

/**
 * Finds the component on a message and builds the interaction `data` for using it, refusing what the
 * Discord client would not allow: disabled or link buttons, values not offered, counts outside min/max.
 */
export function findComponent(ctx: EmulatorContext, message: StoredMessage, target: ComponentTarget): Record<string, unknown> {
  const component = walk(message.data.components).find((c) => c.custom_id === target.customId);
  if (!component) throw new Error(`LocalDiscord: message ${message.id} has no component "${target.customId}" (has: ${message.customIds().join(', ')})`);
  if (component.disabled) throw new Error(`LocalDiscord: component "${target.customId}" is disabled`);
  const type = Number(component.type);
  if (target.kind === 'button') {
    if (type !== COMPONENT_TYPE.button) throw new Error(`LocalDiscord: "${target.customId}" is not a button`);
    return { custom_id: target.customId, component_type: type };
  }
  if (type === COMPONENT_TYPE.button) throw new Error(`LocalDiscord: "${target.customId}" is a button, not a select`);
  const min = Number(component.min_values ?? 1);
  const max = Number(component.max_values ?? 1);
  if (target.values.length < min || target.values.length > max) throw new Error(`LocalDiscord: select "${target.customId}" takes ${min}–${max} values`);
  if (type === COMPONENT_TYPE.stringSelect) {
    const offered = ((component.options ?? []) as Array<{ value: string }>).map((o) => o.value);
    const unknown = target.values.filter((v) => !offered.includes(v));
    if (unknown.length > 0) throw new Error(`LocalDiscord: select "${target.customId}" does not offer ${unknown.join(', ')}`);
    return { custom_id: target.customId, component_type: type, values: target.values };
  }
  return { custom_id: target.customId, component_type: type, ...entityValues(ctx, type, target.values) };
}

/** User, role, mentionable and channel selects send ids plus `resolved`. */
function entityValues(ctx: EmulatorContext, type: number, values: string[]): Record<string, unknown> {
  const { guild } = ctx;
  const resolved: Record<string, Record<string, unknown>> = {};
  const ids = values.map((value) => {
    if (type === COMPONENT_TYPE.channelSelect) {
      const id = guild.resolveChannelId(value);
      (resolved.channels ??= {})[id] = apiChannel(guild.channel(id)!);
      return id;
    }
    if (type === COMPONENT_TYPE.roleSelect || (type === COMPONENT_TYPE.mentionableSelect && !guild.users().some((u) => u.username === value || u.id === value))) {
      const id = guild.resolveRoleId(value);
      (resolved.roles ??= {})[id] = apiRole(guild.role(id)!);
      return id;
    }
    const id = guild.resolveUserId(value);
    (resolved.users ??= {})[id] = guild.apiUser(id);
    return id;
  });
  return { values: ids, resolved };
}

/** Every component on a message, rows and layouts flattened. */
function walk(nodes: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> {
  const all: Array<Record<string, unknown>> = [];
  for (const node of nodes) {
    all.push(node);
    if (Array.isArray(node.components)) all.push(...walk(node.components as Array<Record<string, unknown>>));
    if (node.accessory && typeof node.accessory === 'object') all.push(node.accessory as Record<string, unknown>);
  }
  return all;
}
