import type { Problem } from '@nudgeflow/shared';
import { createContext, useContext } from 'react';
import type { VariableGroup } from '../liquid/template-variables';

export interface NodeChoice {
  id: string;
  /** "Payment reminder (sms1)". */
  label: string;
}

/** What every control of one form may need besides its own value. */
export interface FormEnv {
  /** Problems by the path of the control that shows them (see placeProblems). */
  problems: ReadonlyMap<string, readonly Problem[]>;
  /** The "Insert variable" menu's entries. */
  variables: readonly VariableGroup[];
  /** Top-level fields that name another node, with the nodes they may name. */
  nodeChoices: ReadonlyMap<string, readonly NodeChoice[]>;
  /** The node's type, for controls that depend on it (the SMS length). */
  nodeType?: string;
  /** The whole config: the email preview renders the subject beside the body. */
  root: Readonly<Record<string, unknown>>;
}

const emptyEnv: FormEnv = { problems: new Map(), variables: [], nodeChoices: new Map(), root: {} };

export const FormEnvContext = createContext<FormEnv>(emptyEnv);

export function useFormEnv(): FormEnv {
  return useContext(FormEnvContext);
}
