import { z } from '@hono/zod-openapi';
import { problemCodes } from '@nudgeflow/shared';
import { flowGraphComponent } from '../shared-schemas';

export const graphSchema = flowGraphComponent;

export const problemSchema = z
  .object({
    severity: z.enum(['error', 'warning']).openapi({ description: 'Errors block publishing; warnings do not' }),
    code: z.enum(problemCodes),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    field: z.string().optional().openapi({ description: 'Path inside the node config, or inside the graph without nodeId/edgeId' }),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .openapi('Problem');

export const flowIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'flow_4fQxYb2kPq9sLm3n' }) });

export const flowStatusSchema = z.enum(['draft', 'active', 'paused']).openapi({
  description: 'draft: never published; active: new entries start runs; paused: no new entries, runs already in carry on',
});

const flowFields = {
  id: z.string(),
  name: z.string(),
  status: flowStatusSchema,
  publishedVersion: z.number().int().optional().openapi({ description: 'The version new runs start on' }),
  createdAt: z.string(),
  updatedAt: z.string().openapi({ description: 'Last change to the draft, the status or the published version' }),
  activeRuns: z.number().int().openapi({ description: 'Contacts in the flow now: runs running or waiting (test runs not counted)' }),
};

export const flowSummarySchema = z
  .object({
    ...flowFields,
    unpublishedChanges: z.boolean().openapi({ description: 'The draft differs from the published version (always true before the first publish)' }),
  })
  .openapi('FlowSummary');

export const flowDetailSchema = z
  .object({
    ...flowFields,
    graph: graphSchema.openapi({ description: 'The draft being edited' }),
    valid: z.boolean().openapi({ description: 'No problem is an error: the draft can be published' }),
    problems: z.array(problemSchema).openapi({ description: "The draft's problems, each naming its node, edge or field" }),
  })
  .openapi('Flow');

export const flowBodySchema = z.object({
  name: z.string().min(1).max(200).optional().openapi({ description: "Renames the flow (the graph's name)" }),
  graph: graphSchema,
});

export const flowVersionSchema = z
  .object({
    flowId: z.string(),
    version: z.number().int(),
    publishedAt: z.string(),
    graph: graphSchema.openapi({ description: 'Exactly as published; never changes' }),
    nodeTypes: z
      .array(z.record(z.string(), z.unknown()))
      .openapi({ description: 'The custom node types (plugins) the graph uses, as they were at publish (entries shaped like GET /api/node-types ones); runs of this version keep them' }),
  })
  .openapi('FlowVersion');

export const publishedSchema = flowVersionSchema
  .extend({ warnings: z.array(problemSchema).openapi({ description: 'Problems that did not block publishing' }) })
  .openapi('PublishedVersion');

export const versionSummarySchema = z
  .object({ version: z.number().int(), publishedAt: z.string(), current: z.boolean().openapi({ description: 'The version new runs start on' }) })
  .openapi('FlowVersionSummary');
