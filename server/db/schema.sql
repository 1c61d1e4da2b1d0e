-- The shared workspace's database (PostgreSQL 15 + PostGIS 3). Applied by server/db/migrate.ts as the database's
-- owner; the server then connects as the app role, which may read and append but never rewrite history.
create extension if not exists postgis;
-- gist indexes that lead with the layer and version (btree_gist: PostgreSQL's contrib)
create extension if not exists btree_gist;
create schema if not exists ebm;

create table if not exists ebm.accounts (
  id text primary key,
  name text not null,
  role text not null check (role in ('viewer', 'screener', 'planner', 'owner', 'admin')),
  -- 'region', or the administrative code of a league (4 digits, e.g. 1502) or a banner (6 digits)
  scope text not null check (scope = 'region' or scope ~ '^15[0-9]{2}([0-9]{2})?$'),
  token_sha256 text not null unique,
  created_at timestamptz not null default now()
);

create table if not exists ebm.layers (
  id text primary key,
  name_zh text not null,
  name_en text not null,
  published_version int,
  published_at timestamptz,
  published_by text references ebm.accounts (id)
);

-- Each upload is a numbered version that is never changed or removed.
create table if not exists ebm.layer_versions (
  layer_id text not null references ebm.layers (id),
  version int not null check (version > 0),
  author text not null references ebm.accounts (id),
  created_at timestamptz not null default now(),
  file_name text not null,
  file_sha256 text not null,
  file_bytes bigint not null,
  feature_count int not null,
  vertex_count int not null,
  bbox double precision[] not null,
  -- the import's warnings (the same messages the browser import gives)
  validity jsonb not null,
  primary key (layer_id, version)
);

create table if not exists ebm.layer_features (
  layer_id text not null,
  version int not null,
  fid int not null,
  feature_id text not null,
  name text,
  zone_type text,
  props jsonb not null,
  geom geometry (MultiPolygon, 4490) not null,
  primary key (layer_id, version, fid),
  foreign key (layer_id, version) references ebm.layer_versions
);
-- tiles read one version's features in a tile's box (without it, every feature of the version was read)
create index if not exists layer_features_version_geom on ebm.layer_features using gist (layer_id, version, geom);

-- The subdivided copy the index filter runs on; overlaps are clipped on the original feature.
create table if not exists ebm.layer_parts (
  layer_id text not null,
  version int not null,
  fid int not null,
  geom geometry (Polygon, 4490) not null,
  foreign key (layer_id, version) references ebm.layer_versions
);
-- one index scan finds one version's parts in the project's box (a geometry-only index returned every other
-- layer's and version's entries there too)
create index if not exists layer_parts_version_geom on ebm.layer_parts using gist (layer_id, version, geom);

create table if not exists ebm.checks (
  id bigserial primary key,
  at timestamptz not null default now(),
  account text not null references ebm.accounts (id),
  layer_id text not null,
  version int not null,
  project_sha256 text not null,
  result jsonb not null,
  report_sha256 text not null,
  engine jsonb not null,
  foreign key (layer_id, version) references ebm.layer_versions
);

-- Indicator observations entered by league offices; a withdrawal is a row of its own, nothing is rewritten.
create table if not exists ebm.observations (
  id bigserial primary key,
  scope text not null,
  zone_id text,
  indicator_id text not null,
  year int not null,
  observation jsonb not null,
  entered_by text not null references ebm.accounts (id),
  at timestamptz not null default now()
);

create table if not exists ebm.observation_withdrawals (
  observation bigint primary key references ebm.observations (id),
  reason text not null,
  withdrawn_by text not null references ebm.accounts (id),
  at timestamptz not null default now()
);

-- Append-only, hash-chained per chain (the region, or a league): hash = sha256(prev_hash, the event's canonical JSON).
create table if not exists ebm.audit_events (
  chain text not null,
  seq bigint not null check (seq > 0),
  at timestamptz not null,
  actor text not null,
  kind text not null,
  payload jsonb not null,
  prev_hash text not null,
  hash text not null,
  primary key (chain, seq)
);

create or replace function ebm.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;

do $$
declare t text;
begin
  foreach t in array array['layer_versions', 'layer_features', 'layer_parts', 'checks', 'observations', 'observation_withdrawals', 'audit_events'] loop
    execute format('drop trigger if exists %I on ebm.%I', t || '_no_update', t);
    execute format('create trigger %I before update or delete on ebm.%I for each row execute function ebm.refuse_change()', t || '_no_update', t);
    execute format('drop trigger if exists %I on ebm.%I', t || '_no_truncate', t);
    execute format('create trigger %I before truncate on ebm.%I for each statement execute function ebm.refuse_change()', t || '_no_truncate', t);
  end loop;
end $$;
