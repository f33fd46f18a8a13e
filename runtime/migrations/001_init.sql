-- Nudgeflow's first schema. Each table keeps the full JSON document the shared zod schemas
-- describe in `data` (what flows read), next to the typed columns queries filter and sort on.
-- Ids are text: most come from outside (the shop's order id, the event id, the interpreter's
-- run id) and the runtime's own are short random strings.

-- A row may not be changed once written (published flow versions).
create function forbid_change() returns trigger
language plpgsql as $$
begin
  raise exception '% rows are immutable (% refused)', tg_table_name, tg_op
    using errcode = 'restrict_violation';
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Contacts, orders, events
-- ---------------------------------------------------------------------------------------------

create table contacts (
  id          text primary key,
  -- The shop's customer id: the strongest identity after our own id.
  external_id text unique,
  email       text,
  phone       text,
  -- The full Contact (shared/src/data/contact.ts); the columns above mirror its fields.
  data        jsonb not null check (jsonb_typeof(data) = 'object'),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
-- Email matching is case-insensitive; not unique: two shop customers may share an address.
create index contacts_email_idx on contacts (lower(email)) where email is not null;
create index contacts_phone_idx on contacts (phone) where phone is not null;

create table orders (
  -- The shop's own order id.
  id             text primary key,
  contact_id     text not null references contacts (id),
  number         text,
  status         text,
  payment_status text,
  total          numeric(14, 2),
  currency       text,
  -- When the order was placed: the shop's createdAt, else when we first heard of it.
  created_at     timestamptz not null,
  -- Set by order.cancelled: a cancelled order is not a purchase.
  cancelled_at   timestamptz,
  -- Set when an order.created event has added this order to the contact's orderCount, so that a
  -- second order.created for the same order (a resend under a new event id) does not count twice.
  counted_at     timestamptz,
  -- The full Order (shared/src/data/order.ts), merged from every event that mentioned it.
  data           jsonb not null check (jsonb_typeof(data) = 'object'),
  updated_at     timestamptz not null default now()
);
create index orders_contact_created_idx on orders (contact_id, created_at desc);

-- The order's lines as rows, for "has purchased SKU / category" without unpacking JSON.
create table order_items (
  order_id text not null references orders (id) on delete cascade,
  position integer not null check (position >= 0),
  sku      text not null,
  category text,
  quantity integer not null check (quantity > 0),
  price    numeric(14, 2),
  data     jsonb not null check (jsonb_typeof(data) = 'object'),
  primary key (order_id, position)
);
create index order_items_sku_idx on order_items (sku);
create index order_items_category_idx on order_items (category) where category is not null;

create table events (
  -- The shop's event id: storing the same id twice is a no-op (idempotent ingestion).
  id          text primary key,
  type        text not null,
  contact_id  text not null references contacts (id),
  order_id    text references orders (id),
  occurred_at timestamptz not null,
  received_at timestamptz not null default now(),
  -- The event exactly as received (FlowEvent, shared/src/data/event.ts).
  data        jsonb not null check (jsonb_typeof(data) = 'object')
);
create index events_contact_time_idx on events (contact_id, occurred_at desc);
-- Engagement lookups ("opened the email from node X") read one contact's events of one type.
create index events_contact_type_time_idx on events (contact_id, type, occurred_at desc);
create index events_order_idx on events (order_id) where order_id is not null;

-- Stored events waiting to be routed to flows. A row is claimed by pushing next_attempt_at out
-- (a lease), so a dispatcher that dies mid-batch loses nothing. Dispatched rows stay for a while
-- (when did this event reach its flows?) and are purged later; every query here reads pending
-- rows through the partial indexes, so that history never slows dispatch down.
create table outbox (
  id              bigint generated always as identity primary key,
  event_id        text not null unique references events (id),
  -- Copied from the event so that one contact's events go out in order (see claimOutbox).
  contact_id      text not null references contacts (id),
  attempts        integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  dispatched_at   timestamptz,
  -- Given up on after repeated failures: kept for inspection, no longer holds back the contact's
  -- later events.
  abandoned_at    timestamptz,
  created_at      timestamptz not null default now(),
  check (dispatched_at is null or abandoned_at is null)
);
-- Dispatch walks pending rows in order (outbox_due_idx) and probes each one: is it its contact's
-- earliest pending row (outbox_pending_contact_idx)? Without statistics (a fresh queue) the
-- planner would happily answer that probe by walking outbox_due_idx instead, once per row; the
-- always-true "attempts >= 0" in its predicate, which only the outer scan states, rules that out.
create index outbox_due_idx on outbox (id) where dispatched_at is null and abandoned_at is null and attempts >= 0;
create index outbox_pending_contact_idx on outbox (contact_id, id) where dispatched_at is null and abandoned_at is null;
create index outbox_dispatched_idx on outbox (dispatched_at) where dispatched_at is not null;
-- Every row is updated at least twice (lease, dispatch): vacuum and analyze a queue early.
alter table outbox set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);

-- ---------------------------------------------------------------------------------------------
-- Flows and their published versions
-- ---------------------------------------------------------------------------------------------

create table flows (
  id                text primary key,
  name              text not null check (length(name) between 1 and 200),
  -- draft: never published; active: new entries start runs; paused: no new entries.
  status            text not null default 'draft' check (status in ('draft', 'active', 'paused')),
  -- The graph being edited (FlowGraph, shared/src/graph/schema.ts); may be invalid.
  draft             jsonb not null check (jsonb_typeof(draft) = 'object'),
  published_version integer,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  -- Soft delete: runs and messages keep pointing at the flow and its versions.
  deleted_at        timestamptz,
  check ((status = 'draft') = (published_version is null))
);
create index flows_active_idx on flows (id) where status = 'active' and deleted_at is null;

create table flow_versions (
  flow_id      text not null references flows (id),
  version      integer not null check (version > 0),
  -- The graph exactly as published: what runs of this version execute, forever.
  graph        jsonb not null check (jsonb_typeof(graph) = 'object'),
  published_at timestamptz not null default now(),
  primary key (flow_id, version)
);
create trigger flow_versions_immutable before update or delete on flow_versions
  for each row execute function forbid_change();

alter table flows add foreign key (id, published_version) references flow_versions (flow_id, version);

-- ---------------------------------------------------------------------------------------------
-- Runs and their step log
-- ---------------------------------------------------------------------------------------------

-- One contact's pass through one flow version (one per order for per-order flows).
create table runs (
  -- The interpreter's runId.
  id               text primary key,
  flow_id          text not null,
  flow_version     integer not null,
  contact_id       text not null references contacts (id),
  -- Per-order flows; no foreign key: a test run may use an order that was never ingested.
  order_id         text,
  workflow_id      text not null,
  status           text not null check (status in ('running', 'waiting', 'done')),
  -- Where the run is now (running/waiting) or where it ended.
  node_id          text,
  started_at       timestamptz not null,
  ended_at         timestamptz,
  end_reason       text check (end_reason in ('completed', 'exited', 'goal', 'failed', 'cancelled')),
  end_detail       text,
  -- No foreign key: date triggers have no event, test runs use events that were never stored.
  trigger_event_id text,
  test             boolean not null default false,
  -- Steps recorded so far; progress reports older than this are ignored.
  step_count       integer not null default 0 check (step_count >= 0),
  updated_at       timestamptz not null default now(),
  foreign key (flow_id, flow_version) references flow_versions (flow_id, version),
  check ((status = 'done') = (ended_at is not null)),
  check ((status = 'done') = (end_reason is not null))
);
-- "Who is where in this flow" (the canvas counts and the runs list).
create index runs_flow_status_node_idx on runs (flow_id, status, node_id);
-- The contact's running workflows, to signal every event to them.
create index runs_contact_status_idx on runs (contact_id, status);
-- Re-entry: the contact's latest run of a flow.
create index runs_flow_contact_started_idx on runs (flow_id, contact_id, started_at desc);
create index runs_workflow_idx on runs (workflow_id);

-- Every node a run entered, with its outcome: "why did / didn't this contact get the message".
create table run_steps (
  run_id  text not null references runs (id) on delete cascade,
  -- Position in the run's whole log (0-based), assigned by the workflow; makes reports idempotent.
  seq     integer not null check (seq >= 0),
  at      timestamptz not null,
  node_id text not null,
  type    text not null,
  visit   integer not null check (visit >= 1),
  outcome text not null,
  detail  text,
  primary key (run_id, seq)
);

-- ---------------------------------------------------------------------------------------------
-- Effects and messages
-- ---------------------------------------------------------------------------------------------

-- The result of every effect executed, by its idempotency key (workflow id + node id + visit):
-- an activity retried after a crash finds it and returns it instead of acting twice.
create table effects (
  idempotency_key text primary key,
  -- No foreign key: the result is recorded by the activity whatever state the run row is in.
  run_id          text not null,
  node_id         text not null,
  type            text not null,
  -- EffectResult (shared/src/interpreter/types.ts).
  result          jsonb not null check (jsonb_typeof(result) = 'object'),
  created_at      timestamptz not null default now()
);
create index effects_run_idx on effects (run_id);

create table messages (
  id              text primary key,
  idempotency_key text not null unique,
  -- No foreign keys on run, flow and node: staff notifications and test sends may have none, and
  -- an activity may record a message before the workflow's first progress report creates the run.
  run_id          text,
  flow_id         text,
  node_id         text,
  contact_id      text not null references contacts (id),
  channel         text not null check (channel in ('email', 'sms', 'webhook', 'internal')),
  -- Marketing messages obey consent, windows and caps; transactional ones do not.
  marketing       boolean not null,
  to_address      text,
  subject         text,
  body            text,
  status          text not null check (status in ('queued', 'sent', 'delivered', 'failed', 'bounced', 'skipped')),
  reason          text,
  provider        text,
  provider_id     text,
  test            boolean not null default false,
  created_at      timestamptz not null default now(),
  sent_at         timestamptz,
  check (status not in ('sent', 'delivered') or sent_at is not null)
);
create index messages_contact_created_idx on messages (contact_id, created_at desc);
create index messages_flow_created_idx on messages (flow_id, created_at desc) where flow_id is not null;
-- Frequency caps: a contact's recent real marketing sends.
create index messages_marketing_idx on messages (contact_id, created_at) where marketing and not test;
-- Delivery reports from a provider name its own id.
create index messages_provider_idx on messages (provider, provider_id) where provider_id is not null;

-- ---------------------------------------------------------------------------------------------
-- Discount code pools
-- ---------------------------------------------------------------------------------------------

create table code_pools (
  name          text primary key check (length(name) between 1 and 100),
  description   text,
  -- Warn staff when fewer unassigned codes than this remain.
  low_threshold integer not null default 0 check (low_threshold >= 0),
  created_at    timestamptz not null default now()
);

create table codes (
  id            bigint generated always as identity primary key,
  pool          text not null references code_pools (name),
  code          text not null check (length(code) > 0),
  -- Test codes are only handed to test runs, real codes only to real runs.
  test          boolean not null default false,
  -- The effect's idempotency key: the same key always gets the same code.
  assigned_key  text unique,
  contact_id    text,
  run_id        text,
  assigned_at   timestamptz,
  created_at    timestamptz not null default now(),
  unique (pool, code),
  check ((assigned_key is null) = (assigned_at is null))
);
-- The next free code of a pool, in import order.
create index codes_free_idx on codes (pool, test, id) where assigned_key is null;

-- ---------------------------------------------------------------------------------------------
-- Suppressions (unsubscribes, bounces, complaints, manual blocks)
-- ---------------------------------------------------------------------------------------------

create table suppressions (
  contact_id text not null references contacts (id),
  -- 'all' covers every channel.
  channel    text not null check (channel in ('email', 'sms', 'all')),
  reason     text not null,
  created_at timestamptz not null default now(),
  primary key (contact_id, channel)
);
