/*
 * The shared data schemas as named OpenAPI components: named once, in the API contract. Whether
 * they have `.openapi()` depends on whether @hono/zod-openapi was loaded before them, so describe
 * a field that holds one with `.meta()` (zod's own; the OpenAPI generator reads it) instead.
 */
export { contactComponent, eventComponent, flowGraphComponent, orderComponent } from '@nudgeflow/shared/api';
