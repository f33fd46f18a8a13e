import { ExecutorRegistry } from '../executor-registry';
import { assignCodeExecutor } from './assign-code';
import { notifyExecutor } from './notify';
import { sendEmailExecutor } from './send-email';
import { sendSmsExecutor } from './send-sms';
import { tagExecutor } from './tag';
import { updateContactExecutor } from './update-contact';
import { webhookExecutor } from './webhook';

/** Executors of the built-in action types. Custom node types add theirs with `executorRegistry.extend(...)`. */
export const executorRegistry = new ExecutorRegistry([
  sendEmailExecutor,
  sendSmsExecutor,
  webhookExecutor,
  tagExecutor,
  updateContactExecutor,
  assignCodeExecutor,
  notifyExecutor,
]);
