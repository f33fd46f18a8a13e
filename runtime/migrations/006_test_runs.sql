-- Test runs: a flow tried against a scenario (the CLI's EVENTS.json document) before it goes
-- live, either simulated at once or run for real on the worker on a compressed clock. Nothing a
-- test run does may count in stats or touch a real contact.

-- A live test run's contact is a copy of the scenario's contact, stored as a row of its own
-- (id "test-<test run id>") so that its run and messages have a contact to point at. Contact
-- lists, searches and date-trigger sweeps leave test contacts out; they are stored without the
-- email, phone and external id columns, so that ingestion never matches a shop event to one.
alter table contacts add column test boolean not null default false;

-- A live test run of a draft has no published version to point at (nor has a graph sent inline);
-- only test runs may leave the version empty, which also leaves the version foreign key unchecked.
alter table runs alter column flow_version drop not null;
alter table runs add constraint runs_version_unless_test check (flow_version is not null or test);

create table test_runs (
  id            text primary key,
  -- The flow tested; null for a graph sent inline (the CLI).
  flow_id       text references flows (id),
  -- The published version tested; null for the draft or an inline graph.
  flow_version  integer check (flow_version is null or flow_version > 0),
  -- The graph exactly as tested: the draft goes on changing, the test run does not.
  graph         jsonb not null check (jsonb_typeof(graph) = 'object'),
  -- The scenario with its defaults filled in (shared/src/simulator/scenario.ts).
  scenario      jsonb not null check (jsonb_typeof(scenario) = 'object'),
  mode          text not null check (mode in ('simulate', 'live')),
  -- Flow seconds per real second (live runs only).
  time_scale    double precision check (time_scale is null or time_scale > 0),
  -- Where a live run's messages go instead of the outbox: { email?, phone? } of the admin.
  deliver_to    jsonb check (deliver_to is null or jsonb_typeof(deliver_to) = 'object'),
  status        text not null check (status in ('running', 'done', 'failed', 'cancelled')),
  -- Simulate: the SimulationResult. Live: only an end its run does not record itself ({ end }):
  -- the trigger never fired, the workflow could not start, or the run was stopped at the
  -- scenario's horizon (it ends "waiting" then, as the simulation does).
  result        jsonb check (result is null or jsonb_typeof(result) = 'object'),
  -- The live run: its runs row and workflow, and where on the scenario's clock it started.
  run_id        text references runs (id),
  workflow_id   text,
  start_seconds double precision check (start_seconds is null or start_seconds >= 0),
  created_at    timestamptz not null default now(),
  ended_at      timestamptz,
  check ((mode = 'live') = (time_scale is not null)),
  check (mode = 'live' or (run_id is null and deliver_to is null)),
  check ((status = 'running') = (ended_at is null))
);
create index test_runs_flow_created_idx on test_runs (flow_id, created_at desc) where flow_id is not null;
