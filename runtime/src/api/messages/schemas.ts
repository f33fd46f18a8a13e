// The message shapes are the API contract in @nudgeflow/shared/api.
export { messageChannelSchema, messageHtmlSchema, messagePageSchema, messageSchema, messageStatusSchema } from '@nudgeflow/shared/api';
