import { useId, useMemo } from 'react';
import { useEditorRegistry, useNodeType, useNodeTypes } from '../app/node-types-context';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store';
import { asRecord } from './form/config-edit';
import { controlPaths, placeProblems } from './form/control-paths';
import { ProblemList } from './form/Field';
import { FormEnvContext, type FormEnv } from './form/form-env';
import { nodeRefFields } from './form/node-ref-fields';
import { SchemaField } from './form/SchemaField';
import { codePools, templateVariables } from './liquid/template-variables';
import { groupChoices, nodeChoices, sameChoices, sameStrings, type FieldChoice } from './node-env';

const noChoices: FieldChoice[] = [];

/** One selected node: its type, its name, and the form generated from its type's schema. */
export function NodeSettings({ nodeId }: { nodeId: string }) {
  const store = useFlowStoreApi();
  const nameId = useId();
  const node = useFlowStore((s) => s.graph.nodes.find((n) => n.id === nodeId));
  const problems = useFlowStore((s) => s.problems);
  const types = useNodeTypes();
  const info = useNodeType(node?.type ?? '');
  const registry = useEditorRegistry();
  const refs = nodeRefFields(node ? registry.get(node.type) : undefined);
  const pools = useFlowStore((s) => codePools(s.graph.nodes), sameStrings);
  const choices = useFlowStore((s) => (refs.size === 0 ? noChoices : nodeChoices(s.graph.nodes, refs, nodeId, types)), sameChoices);

  const config = node?.config;
  const schema = info?.configSchema;
  const placed = useMemo(() => {
    const own = problems.filter((p) => p.nodeId === nodeId);
    return placeProblems(own, schema && config ? controlPaths(schema, config) : []);
  }, [problems, nodeId, schema, config]);
  const env = useMemo<FormEnv>(
    () => ({ problems: placed.byPath, variables: templateVariables(pools), nodeChoices: groupChoices(choices), nodeType: node?.type, root: config ?? {} }),
    [placed, pools, choices, node?.type, config],
  );

  if (!node) return null;
  const title = info?.title ?? node.type;
  return (
    <section className="nf-inspector" aria-label="Node settings">
      <header className="nf-inspector__header">
        <h2>{title}</h2>
        <p className="nf-hint">{info ? info.description : `This server has no node type "${node.type}": its settings cannot be edited here.`}</p>
        <p className="nf-inspector__id">
          ID <code>{node.id}</code>
        </p>
      </header>
      <ProblemList problems={placed.unplaced} />
      <div className="nf-inspector__form">
        <div className="nf-field nf-form-field">
          <label className="nf-label" htmlFor={nameId}>
            Name
          </label>
          <input
            id={nameId}
            className="nf-input"
            value={node.label ?? ''}
            placeholder={title}
            maxLength={120}
            onChange={(e) => store.getState().renameNode(nodeId, e.target.value === '' ? undefined : e.target.value)}
          />
        </div>
        {schema ? (
          <FormEnvContext.Provider value={env}>
            <SchemaField schema={schema} path="" value={node.config} required onChange={(next) => store.getState().updateConfig(nodeId, asRecord(next))} />
          </FormEnvContext.Provider>
        ) : null}
      </div>
    </section>
  );
}
