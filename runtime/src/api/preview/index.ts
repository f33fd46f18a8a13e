import { createRouter } from '../router';
import { emailPreviewHandler, emailPreviewRoute } from './email-preview';

/** /api/preview: renders drafts for the editor with sample data; nothing is sent or stored (admin). */
export function previewRoutes() {
  return createRouter().openapi(emailPreviewRoute, emailPreviewHandler);
}
