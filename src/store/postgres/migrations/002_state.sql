-- The state beside the archive: what lowdb keeps in state.json (src/store/state.schema.ts).
-- Each record is kept whole as json (validated with the domain's zod schema when read back), with
-- copies of the fields the stores query in columns of their own. `position` columns keep the
-- order lowdb keeps in its arrays (oldest first), since several processes write concurrently.

-- A subscription, and the lease of the process delivering it (claim_owner until claim_until):
-- claims are taken with FOR UPDATE SKIP LOCKED in one short statement, never held across a post.
CREATE TABLE subscriptions (
  id           text PRIMARY KEY,
  position     bigserial NOT NULL UNIQUE,
  guild_id     text NOT NULL,
  channel_id   text NOT NULL,
  status       text NOT NULL CHECK (status IN ('active', 'paused')),
  has_pending  boolean NOT NULL,
  subscription json NOT NULL,
  claim_owner  text,
  claim_until  timestamptz,
  CHECK ((claim_owner IS NULL) = (claim_until IS NULL))
);
CREATE INDEX subscriptions_by_guild ON subscriptions (guild_id, position);
CREATE INDEX subscriptions_active ON subscriptions (position) WHERE status = 'active';
CREATE INDEX subscriptions_pending ON subscriptions (id) WHERE has_pending;

-- The delivery log, newest = highest id; capped like lowdb's (MAX_DELIVERY_LOG) by the writer.
CREATE TABLE deliveries (
  id              bigserial PRIMARY KEY,
  subscription_id text NOT NULL,
  channel_id      text NOT NULL,
  posted          boolean NOT NULL,
  record          json NOT NULL
);
CREATE INDEX deliveries_by_subscription ON deliveries (subscription_id, id);
CREATE INDEX deliveries_posted_by_channel ON deliveries (channel_id, id) WHERE posted;

-- Thread (or forum post) -> the briefing it discusses; capped (MAX_THREADS), forgetting the
-- oldest: snowflakes grow with time, so the smallest number (shorter, then lower) goes first.
CREATE TABLE threads (
  thread_id text PRIMARY KEY,
  slug      text NOT NULL
);
CREATE INDEX threads_by_age ON threads (length(thread_id), thread_id);

-- What was last shown in a channel (user_id '') and to each user there; capped (MAX_CHANNEL_CONTEXT).
CREATE TABLE channel_context (
  channel_id text NOT NULL,
  user_id    text NOT NULL,
  slug       text NOT NULL,
  shown_at   timestamptz NOT NULL,
  position   bigint NOT NULL,
  PRIMARY KEY (channel_id, user_id)
);
CREATE SEQUENCE channel_context_position;
CREATE INDEX channel_context_by_position ON channel_context (position);

-- Where a server's alerts go, and the alert keys already sent there (each once; capped per server).
CREATE TABLE alert_settings (
  guild_id   text PRIMARY KEY,
  position   bigserial NOT NULL UNIQUE,
  channel_id text NOT NULL,
  set_by     text NOT NULL
);
CREATE TABLE alert_keys_sent (
  guild_id text NOT NULL REFERENCES alert_settings (guild_id) ON DELETE CASCADE,
  key      text NOT NULL,
  position bigserial NOT NULL,
  PRIMARY KEY (guild_id, key)
);
CREATE INDEX alert_keys_sent_by_position ON alert_keys_sent (guild_id, position);
