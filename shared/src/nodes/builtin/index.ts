import type { AnyNodeDefinition } from '../types';
import { actionSendSms } from './action-send-sms';
import { conditionRules } from './condition-rules';
import { triggerEvent } from './trigger-event';
import { waitUntilEvent } from './wait-until-event';

/** The built-in catalog, in palette order. */
export const builtinNodes: AnyNodeDefinition[] = [triggerEvent, conditionRules, waitUntilEvent, actionSendSms];
