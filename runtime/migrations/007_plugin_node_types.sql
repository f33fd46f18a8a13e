-- Custom node types (plugins): a published version pins what the workflow and the dispatcher know
-- of each plugin type its graph uses (shared/src/plugins/types.ts PortableNodeType: outputs,
-- version, behaviour kind, trigger event). Runs of the version keep that behaviour when the plugin
-- changes or is removed later; versions published before plugins existed use none.
alter table flow_versions add column node_types jsonb not null default '[]' check (jsonb_typeof(node_types) = 'array');
