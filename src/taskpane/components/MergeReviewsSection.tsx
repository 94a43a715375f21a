import { Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { strings } from '../strings';
import type { Notice } from '../hooks/useReview';
import { ErrorBar, NoticeBar } from './NoticeBar';

const useStyles = makeStyles({
  wrap: { overflowWrap: 'anywhere' },
  hidden: { display: 'none' },
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface MergeReviewsSectionProps {
  ready: boolean;
  busy: boolean;
  notice: Notice;
  error: string | null;
  onFiles(list: FileList | null): void;
  onDismissError(): void;
}

/** 合并评审: pick several reviewers' review workbooks; the 合议表 is written into the open workbook. */
export function MergeReviewsSection({ ready, busy, notice, error, onFiles, onDismissError }: MergeReviewsSectionProps) {
  const styles = useStyles();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <Caption1 className={styles.wrap}>{strings.mergeHint}</Caption1>
      <div className={styles.buttons}>
        <Button icon={<PeopleTeamRegular />} disabled={!ready || busy} onClick={() => inputRef.current?.click()}>
          {strings.mergeButton}
        </Button>
        {busy ? <Spinner size="tiny" label={strings.merging} /> : null}
      </div>
      <input
        ref={inputRef}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx,.xlsm"
        aria-label={strings.mergeButton}
        data-testid="merge-input"
        onChange={(e) => {
          onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      {error ? <ErrorBar error={error} onDismiss={onDismissError} /> : null}
      {notice ? <NoticeBar notice={notice} /> : null}
    </>
  );
}
