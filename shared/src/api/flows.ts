import { z } from 'zod';
import { problemCodes } from '../validator/problems';
import { describedComponent, flowGraphComponent } from './components';

export const flowStatusSchema = z.enum(['draft', 'active', 'paused']).meta({
  description: 'draft: never published; active: new entries start runs; paused: no new entries, runs already in carry on',
});
export type FlowStatus = z.infer<typeof flowStatusSchema>;

/** The validator's Problem, as the API answers it. */
export const problemSchema = z
  .object({
    severity: z.enum(['error', 'warning']).meta({ description: 'Errors block publishing; warnings do not' }),
    code: z.enum(problemCodes),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    field: z.string().optional().meta({ description: 'Path inside the node config, or inside the graph without nodeId/edgeId' }),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .meta({ id: 'Problem' });

const flowFields = {
  id: z.string(),
  name: z.string(),
  status: flowStatusSchema,
  publishedVersion: z.number().int().optional().meta({ description: 'The version new runs start on' }),
  createdAt: z.string(),
  updatedAt: z.string().meta({ description: 'Last change to the draft, the status or the published version' }),
  activeRuns: z.number().int().meta({ description: 'Contacts in the flow now: runs running or waiting (test runs not counted)' }),
};

/** One row of GET /api/flows. */
export const flowSummarySchema = z
  .object({
    ...flowFields,
    unpublishedChanges: z.boolean().meta({ description: 'The draft differs from the published version (always true before the first publish)' }),
  })
  .meta({ id: 'FlowSummary' });
export type FlowSummary = z.infer<typeof flowSummarySchema>;

/** A flow as the editor opens it: the draft with its problems. */
export const flowDetailSchema = z
  .object({
    ...flowFields,
    graph: describedComponent(flowGraphComponent, 'The draft being edited'),
    valid: z.boolean().meta({ description: 'No problem is an error: the draft can be published' }),
    problems: z.array(problemSchema).meta({ description: "The draft's problems, each naming its node, edge or field" }),
  })
  .meta({ id: 'Flow' });
export type FlowDetail = z.infer<typeof flowDetailSchema>;

/** POST /api/flows and PUT /api/flows/{id}. */
export const flowBodySchema = z.object({
  name: z.string().min(1).max(200).optional().meta({ description: "Renames the flow (the graph's name)" }),
  graph: flowGraphComponent,
});

export const flowVersionSchema = z
  .object({
    flowId: z.string(),
    version: z.number().int(),
    publishedAt: z.string(),
    graph: describedComponent(flowGraphComponent, 'Exactly as published; never changes'),
    nodeTypes: z.array(z.record(z.string(), z.unknown())).meta({
      description:
        'The custom node types (plugins) the graph uses, as they were at publish (entries shaped like GET /api/node-types ones); runs of this version keep them',
    }),
  })
  .meta({ id: 'FlowVersion' });
export type FlowVersion = z.infer<typeof flowVersionSchema>;

// An intersection rather than .extend: OpenAPI then shows FlowVersion plus the warnings (allOf).
export const publishedVersionSchema = z
  .intersection(flowVersionSchema, z.object({ warnings: z.array(problemSchema).meta({ description: 'Problems that did not block publishing' }) }))
  .meta({ id: 'PublishedVersion' });
export type PublishedVersion = z.infer<typeof publishedVersionSchema>;

/** One entry of GET /api/flows/{id}/versions. */
export const flowVersionSummarySchema = z
  .object({ version: z.number().int(), publishedAt: z.string(), current: z.boolean().meta({ description: 'The version new runs start on' }) })
  .meta({ id: 'FlowVersionSummary' });
export type FlowVersionSummary = z.infer<typeof flowVersionSummarySchema>;
