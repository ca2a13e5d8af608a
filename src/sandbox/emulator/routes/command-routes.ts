import { ApiError } from '../api-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { botRoute, noContent, ok, type RestRequest, type RouteDefinition } from '../rest/route.js';
import type { CommandScope } from '../state/command-registry.js';
import { FormErrors } from '../validation/form-errors.js';
import { validateCommand, validateCommands, type CommandInput } from '../validation/validate-commands.js';

/** Global and guild application commands (DOCS AC "Endpoints"). */
export function commandRoutes(ctx: EmulatorContext): RouteDefinition[] {
  const scopeOf = ({ params }: RestRequest): CommandScope => {
    if (params.application_id !== ctx.applicationId) throw new ApiError(50001);
    if (params.guild_id === undefined) return 'global';
    if (params.guild_id !== ctx.guild.id) throw new ApiError(50001);
    return params.guild_id;
  };
  const one = (request: RestRequest) => {
    const command = ctx.commands.get(scopeOf(request), request.params.command_id ?? '');
    if (!command) throw new ApiError(10063);
    return command;
  };
  const validateOne = (body: unknown): CommandInput => {
    const errors = new FormErrors();
    const command = validateCommand(body, [], errors);
    errors.throwIfAny();
    return command as CommandInput;
  };
  const routes: RouteDefinition[] = [];
  for (const base of ['/applications/:application_id/commands', '/applications/:application_id/guilds/:guild_id/commands']) {
    routes.push(
      botRoute('GET', base, (request) => ok(ctx.commands.list(scopeOf(request)))),
      // Bulk overwrite: replaces every command of the scope and answers the new list (docs/discord-facts.md §4).
      botRoute('PUT', base, (request) => {
        const scope = scopeOf(request);
        return ok(ctx.commands.overwrite(scope, validateCommands(request.body)));
      }),
      botRoute('POST', base, (request) => {
        const scope = scopeOf(request);
        const input = validateOne(request.body);
        const existed = ctx.commands.find(input.name, ctx.guild.id, input.type) !== undefined;
        const command = ctx.commands.upsert(scope, input);
        return { status: existed ? 200 : 201, body: command };
      }),
      botRoute('GET', `${base}/:command_id`, (request) => ok(one(request))),
      botRoute('PATCH', `${base}/:command_id`, (request) => {
        const current = one(request);
        const patch = (request.body ?? {}) as Record<string, unknown>;
        const input = validateOne({ name: current.name, description: current.description, options: current.options, type: current.type, ...patch });
        return ok(ctx.commands.replace(scopeOf(request), current.id, input));
      }),
      botRoute('DELETE', `${base}/:command_id`, (request) => {
        ctx.commands.remove(scopeOf(request), one(request).id);
        return noContent();
      }),
    );
  }
  return routes;
}
