import type { z } from 'zod';
import type { ApiResult } from './failure';

/** One request/reply pair. The schemas are the whole contract; nothing else crosses. */
export interface Channel<Req extends z.ZodType = z.ZodType, Reply extends z.ZodType = z.ZodType> {
  request: Req;
  reply: Reply;
}

export function channel<Req extends z.ZodType, Reply extends z.ZodType>(
  request: Req,
  reply: Reply,
): Channel<Req, Reply> {
  return { request, reply };
}

export type ChannelGroup = Record<string, Channel>;
export type ChannelMap = Record<string, ChannelGroup>;

/** What the renderer calls: `api.clients.add(req)`; failures come back as values. */
export type ApiOf<M extends ChannelMap> = {
  [G in keyof M]: {
    [N in keyof M[G]]: (request: z.input<M[G][N]['request']>) => Promise<ApiResult<z.output<M[G][N]['reply']>>>;
  };
};

/** What main implements for each channel: gets a validated request, returns a reply or throws. */
export type HandlersOf<M extends ChannelMap> = {
  [G in keyof M]: {
    [N in keyof M[G]]: (request: z.output<M[G][N]['request']>) => Promise<z.input<M[G][N]['reply']>>;
  };
};

/** Every channel's wire name, `group.name`, in declaration order. */
export function channelNames(map: ChannelMap): string[] {
  return Object.entries(map).flatMap(([group, channels]) => Object.keys(channels).map((name) => `${group}.${name}`));
}

/** Own properties only: a wire name such as `__proto__.toString` must not reach Object.prototype. */
export function findChannel(map: ChannelMap, wireName: string): Channel | undefined {
  const dot = wireName.indexOf('.');
  if (dot < 0) return undefined;
  const groupName = wireName.slice(0, dot);
  const name = wireName.slice(dot + 1);
  if (!Object.hasOwn(map, groupName)) return undefined;
  const group = map[groupName]!;
  return Object.hasOwn(group, name) ? group[name] : undefined;
}

/** Builds the grouped api object from a transport that sends one wire call. */
export function buildApi<M extends ChannelMap>(
  map: M,
  send: (wireName: string, request: unknown) => Promise<unknown>,
): ApiOf<M> {
  const api: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const [group, channels] of Object.entries(map)) {
    api[group] = {};
    for (const name of Object.keys(channels)) {
      api[group][name] = (request: unknown) => send(`${group}.${name}`, request);
    }
  }
  return api as ApiOf<M>;
}
