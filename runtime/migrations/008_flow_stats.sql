-- A flow's stats (GET /api/flows/:id/stats, runtime/src/db/flow-stats.ts) on a shop with history.
-- Without these, the stats of the last 30 days read every run the flow ever had, and for each
-- message every open and click of its contact; they took more than twice as long on the bench
-- data (tests/bench, suite "stats": a flow with 200,000 runs), and grew with the flow's age.

-- The runs a flow started in a period. flow_id and started_at never change, so the index never
-- stops an update of the run from being HOT; a progress report that moves the run (a new status
-- or node, not HOT already) writes one more index entry, and test runs none. On the bench data,
-- such updates cost the same with and without it, within the noise (one round trip each).
create index runs_flow_started_idx on runs (flow_id, started_at) where not test;

-- A message's opens and clicks, by the message id the tracking routes put in the event's data
-- (runtime/src/api/tracking/record-engagement.ts). Partial: the other events, most of what a shop
-- sends, are not indexed here; events are never updated.
create index events_message_idx on events ((data -> 'data' ->> 'messageId'))
  where type in ('email.opened', 'email.clicked');
-- The planner takes no statistics from a partial index's expression: without these it guesses
-- that one message id matches hundreds of events and keeps reading the contact's events instead.
create statistics events_message_id_stats on ((data -> 'data' ->> 'messageId')) from events;
analyze events;
