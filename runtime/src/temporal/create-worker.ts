import { TASK_QUEUE, type FlowActivities } from '@nudgeflow/workflows/contract';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { flowWorkflowBundle } from './workflow-bundle';

export type WorkerTuning = Pick<
  WorkerOptions,
  'maxCachedWorkflows' | 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'shutdownGraceTime' | 'identity' | 'workflowThreadPoolSize'
>;

export interface FlowWorkerOptions {
  /** The caller owns it: close it after `worker.run()` has resolved. */
  connection: NativeConnection;
  namespace?: string;
  taskQueue?: string;
  activities: FlowActivities;
  tuning?: WorkerTuning;
}

/** A worker for the flow workflow and the given activities; run it with `worker.run()`, stop it with `worker.shutdown()`. */
export async function createFlowWorker(options: FlowWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    workflowBundle: await flowWorkflowBundle(),
    activities: options.activities,
    // Workflow tasks run on worker threads, one by default with the reusable V8 context, so every
    // run's tasks queue behind each other; two let a burst of starts use both cores of a small
    // machine (each thread keeps its own context).
    workflowThreadPoolSize: 2,
    ...options.tuning,
  });
}
