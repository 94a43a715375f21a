import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, EraserRegular, TableEditRegular } from '@fluentui/react-icons';
import type { Notice } from '../hooks/useReview';
import { strings } from '../strings';
import { NoticeBar } from './NoticeBar';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface ResultActionsProps {
  standalone: boolean;
  ready: boolean;
  onWrite(): void;
  /** Present inside Excel only. */
  onClearMarks?: () => void;
  /** The notice of the last write or clear. */
  notice: Notice;
}

/** 写入审核表 (Excel) or 下载审核工作簿 (standalone), 清除标记, and what the last of them said. */
export function ResultActions({ standalone, ready, onWrite, onClearMarks, notice }: ResultActionsProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={standalone ? <ArrowDownloadRegular /> : <TableEditRegular />} disabled={!ready} onClick={onWrite}>
          {standalone ? strings.downloadButton : strings.writeButton}
        </Button>
        {onClearMarks ? (
          <Button icon={<EraserRegular />} disabled={!ready} onClick={onClearMarks}>
            {strings.clearMarksButton}
          </Button>
        ) : null}
      </div>
      {notice && notice.near === 'result' ? <NoticeBar notice={{ ...notice, details: undefined }} /> : null}
    </>
  );
}
