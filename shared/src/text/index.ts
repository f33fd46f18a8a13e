export * from './sms-segments';
export * from './stats-numbers';
