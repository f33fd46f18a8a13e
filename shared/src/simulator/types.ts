import type { EndReason } from '../interpreter/types';

export interface SimStep {
  atSeconds: number;
  nodeId: string;
  type: string;
  outcome: string;
  detail?: string;
}

/** What an effect did in the simulated world: a message "sent", a tag set, a webhook called. */
export interface SimAction {
  atSeconds: number;
  nodeId: string;
  type: string;
  channel?: 'email' | 'sms' | 'webhook' | 'internal';
  to?: string;
  subject?: string;
  body?: string;
  status: string;
  reason?: string;
}

export interface SimEnd {
  atSeconds: number;
  /** "waiting": still pending at the horizon; "notStarted": the trigger never fired. */
  reason: EndReason | 'waiting' | 'notStarted';
  nodeId?: string;
  detail?: string;
}

export interface SimulationResult {
  steps: SimStep[];
  actions: SimAction[];
  end: SimEnd;
}
