-- Low-stock alerts for code pools: where staff want them, and which assignment raised the
-- current one. A pool alerts once when it runs low; a refill to its threshold or above (or a
-- lower threshold) clears the alert, so the next time it runs low alerts again.
alter table code_pools
  add column alert_email    text check (alert_email is null or length(alert_email) between 3 and 320),
  -- The idempotency key of the assignment that raised the alert: a retry of that assignment
  -- finds it and delivers the alert it may not have sent yet.
  add column low_alert_key  text,
  add column low_alerted_at timestamptz,
  add check ((low_alert_key is null) = (low_alerted_at is null));
