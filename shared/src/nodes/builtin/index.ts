import type { AnyNodeDefinition } from '../types';
import { actionAssignCode } from './action-assign-code';
import { actionNotify } from './action-notify';
import { actionSendEmail } from './action-send-email';
import { actionSendSms } from './action-send-sms';
import { actionTag } from './action-tag';
import { actionUpdateContact } from './action-update-contact';
import { actionWebhook } from './action-webhook';
import { conditionEngagement } from './condition-engagement';
import { conditionHasPurchased } from './condition-has-purchased';
import { conditionOrderContains } from './condition-order-contains';
import { conditionRules } from './condition-rules';
import { flowExit } from './flow-exit';
import { splitRandom } from './split-random';
import { triggerDate } from './trigger-date';
import { triggerEvent } from './trigger-event';
import { triggerInactivity } from './trigger-inactivity';
import { waitDelay } from './wait-delay';
import { waitUntilEvent } from './wait-until-event';
import { waitUntilTime } from './wait-until-time';

/** The built-in catalog, in palette order. */
export const builtinNodes: AnyNodeDefinition[] = [
  triggerEvent,
  triggerDate,
  triggerInactivity,
  conditionRules,
  conditionOrderContains,
  conditionHasPurchased,
  conditionEngagement,
  splitRandom,
  waitDelay,
  waitUntilEvent,
  waitUntilTime,
  actionSendEmail,
  actionSendSms,
  actionWebhook,
  actionTag,
  actionUpdateContact,
  actionAssignCode,
  actionNotify,
  flowExit,
];
