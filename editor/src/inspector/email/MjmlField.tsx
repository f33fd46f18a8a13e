import type { Problem } from '@nudgeflow/shared';
import { Columns2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useFlowStore } from '../../store/flow-store';
import { Field } from '../form/Field';
import { useFormEnv } from '../form/form-env';
import { EmailPreview } from './EmailPreview';
import { EmailWorkbench } from './EmailWorkbench';
import { MjmlEditor } from './MjmlEditor';
import type { PreviewError } from './preview-api';
import { assignedPools, sampleCodes } from './sample-codes';
import { useEmailPreview } from './use-email-preview';
import './email.css';

interface MjmlFieldProps {
  label: string;
  help?: string | undefined;
  path: string;
  value: unknown;
  onChange(next: unknown): void;
}

/** Preview errors the validator has not already reported under the field (it checks Liquid the same way). */
function newErrors(errors: readonly PreviewError[], known: readonly Problem[]): PreviewError[] {
  return errors.filter((e) => e.field === 'body' && !known.some((p) => p.message === e.message && p.line === e.line));
}

/** The email body: the MJML editor, its problems by line, and the live preview below. */
export function MjmlField({ label, help, path, value, onChange }: MjmlFieldProps) {
  const { root, problems } = useFormEnv();
  const text = typeof value === 'string' ? value : '';
  const subject = typeof root.subject === 'string' ? root.subject : undefined;
  // A string, so that the store's other changes do not render this field again.
  const pools = useFlowStore((s) => assignedPools(s.graph).join(' '));
  const sample = useMemo(() => ({ codes: sampleCodes(pools ? pools.split(' ') : []) }), [pools]);
  const preview = useEmailPreview(subject, text, sample);
  const known = problems.get(path) ?? [];
  const extra = newErrors(preview.errors, known);
  const [wide, setWide] = useState(false);
  const after = (
    <>
      <button type="button" className="nf-button nf-button--small nf-email-workbench__open" onClick={() => setWide(true)}>
        <Columns2 aria-hidden />
        Edit beside the preview
      </button>
      <EmailPreview preview={preview} />
      {wide ? <EmailWorkbench label={label} text={text} onChange={onChange} problems={known} previewErrors={extra} preview={preview} onClose={() => setWide(false)} /> : null}
    </>
  );
  return (
    <Field label={label} help={help} path={path} after={after}>
      {(ids) => <MjmlEditor ids={ids} text={text} onChange={onChange} problems={known} previewErrors={extra} />}
    </Field>
  );
}
