export * from './sms-segments';
