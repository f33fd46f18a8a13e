import { describeSmsLength, smsLength } from '@nudgeflow/shared';

const liquidMarkup = /\{\{|\{%/;

/** "142 characters · 1 segment (GSM-7)": what the operator will bill, before Liquid fills in names. */
export function SmsLength({ text }: { text: string }) {
  const length = smsLength(text);
  const personalised = liquidMarkup.test(text);
  return (
    <p className="nf-hint nf-sms-length">
      {describeSmsLength(length)}
      {personalised ? ' before personalisation' : ''}
      {length.encoding === 'UCS-2' && length.characters > 0 ? <span className="nf-sms-length__note"> · a character outside GSM-7 (such as ř or an emoji) halves the length of a segment</span> : null}
    </p>
  );
}
