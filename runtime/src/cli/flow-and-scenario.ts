import { formatProblem, scenarioSchema, validate, type FlowGraph, type NodeRegistry, type Scenario } from '@nudgeflow/shared';
import { loadCliPlugins, warnPluginProblems } from './cli-plugins';
import type { CliIO } from './io';
import { readJsonDocument } from './read-document';

/**
 * FLOW.json and EVENTS.json, checked as `simulate` and `test` both need them (against the
 * built-in and plugin node types, the registry returned). Problems are printed (every one,
 * naming node, field or JSON path) and the answer is undefined.
 */
export async function readFlowAndScenario(
  flowFile: string,
  eventsFile: string,
  io: CliIO,
  nothingDone: string,
): Promise<{ graph: FlowGraph; scenario: Scenario; registry: NodeRegistry } | undefined> {
  const [graphDoc, eventsDoc] = await Promise.all([readJsonDocument(flowFile), readJsonDocument(eventsFile)]);
  const plugins = await loadCliPlugins();
  warnPluginProblems(plugins, io);
  const { registry } = plugins;
  const checked = validate(graphDoc, registry);
  if (!checked.ok || !checked.graph) {
    io.err(`${flowFile}: the flow is not valid, ${nothingDone}`);
    for (const p of checked.problems) io.err(`  ${formatProblem(p, checked.graph)}`);
    return undefined;
  }
  const scenario = scenarioSchema.safeParse(eventsDoc);
  if (!scenario.success) {
    io.err(`${eventsFile}: not a valid events document`);
    for (const issue of scenario.error.issues) io.err(`  ${issue.path.length ? issue.path.join('.') : '(document)'}: ${issue.message}`);
    return undefined;
  }
  return { graph: checked.graph, scenario: scenario.data, registry };
}
