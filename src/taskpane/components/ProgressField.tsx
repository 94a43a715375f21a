import { Field, ProgressBar } from '@fluentui/react-components';
import type { Busy, Stage } from '../hooks/useReview';
import { strings } from '../strings';

const STAGE_PROGRESS: Record<Stage, number> = { read: 0.2, check: 0.6, write: 0.9 };

/** The progress bar of a running action, with its stage (读取 / 检查 / 写入) when it has one. */
export function ProgressField({ busy }: { busy: Busy }) {
  if (!busy) return null;
  return (
    <Field validationState="none" validationMessage={busy.stage ? `${strings.stage[busy.stage]}：${busy.label}` : busy.label} aria-live="polite">
      <ProgressBar
        aria-label={busy.label}
        thickness="large"
        value={busy.stage ? STAGE_PROGRESS[busy.stage] : undefined}
        data-testid="progress"
        data-stage={busy.stage ?? ''}
      />
    </Field>
  );
}
