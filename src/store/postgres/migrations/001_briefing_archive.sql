-- The briefing archive: one row per slug.
-- seq is the archive position given on first import and never reused (delivery cursors compare
-- against it); change_seq is raised on every insert or update, so another process can ask for
-- "everything changed since the change I last saw". Both are assigned while the writer holds
-- the table in SHARE ROW EXCLUSIVE mode, so they grow in commit order and a cursor never skips
-- a row committed late.
-- briefing is `json`, not `jsonb`: json keeps the text as written, so the order of an object's
-- keys (the actors of a position table) comes back as it was saved.
CREATE TABLE briefings (
  slug         text PRIMARY KEY,
  seq          bigint NOT NULL UNIQUE CHECK (seq > 0),
  revision     integer NOT NULL CHECK (revision > 0),
  content_hash text NOT NULL CHECK (content_hash ~ '^[a-f0-9]{64}$'),
  briefing     json NOT NULL,
  imported_at  timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  source       text NOT NULL,
  change_seq   bigint NOT NULL UNIQUE CHECK (change_seq > 0)
);
