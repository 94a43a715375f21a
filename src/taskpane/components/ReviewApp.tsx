import { Body1, Button, Caption1, Divider, Link, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { HostInfo } from '../host';
import { useMergeReviews } from '../hooks/useMergeReviews';
import { useReview } from '../hooks/useReview';
import type { PickedFile, ReviewPort } from '../review/ports';
import { strings } from '../strings';
import { ApiSupportNote } from './ApiSupportNote';
import { FilesSection } from './FilesSection';
import { FindingsList } from './FindingsList';
import { MergeReviewsSection } from './MergeReviewsSection';
import { ErrorBar, NoticeBar } from './NoticeBar';
import { OutsideExcelNotice } from './OutsideExcelNotice';
import { PlatformForm, type PlatformChoice } from './PlatformForm';
import { ProgressField } from './ProgressField';
import { ResultActions } from './ResultActions';
import { ResultView } from './ResultView';
import { SizeClassPanel } from './SizeClassPanel';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '720px',
    margin: '0 auto',
    minWidth: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  header: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  logo: { flexShrink: 0, width: '32px', height: '32px' },
  title: { margin: 0, overflowWrap: 'anywhere' },
  description: { color: tokens.colorNeutralForeground2, margin: 0 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  wrap: { overflowWrap: 'anywhere' },
});

/** The shipped sample submission, for 载入示例 on the standalone page. */
export interface SampleBundle {
  platform: PlatformChoice;
  files: PickedFile[];
}

export type Mode = 'excel' | 'standalone' | 'outside';

export interface ReviewAppProps {
  mode: Mode;
  /** Where the workbook lives; null while unavailable (outside Excel, or still detecting). */
  port: ReviewPort | null;
  /** Host detection result, for the notices (task pane only). */
  host?: HostInfo | null;
  loadSample?: () => Promise<SampleBundle>;
  /** Lets tests await the yield between stages; defaults to a macrotask. */
  pause?: () => Promise<void>;
}

async function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`无法读取「${file.name}」`));
    reader.readAsArrayBuffer(file);
  });
}

/** The review screen: platform, materials, 开始审核 with progress, the result, findings, actions and 划型测算. */
export function ReviewApp({ mode, port, host, loadSample, pause }: ReviewAppProps) {
  const styles = useStyles();
  const [platform, setPlatform] = useState<PlatformChoice>({ name: null, category: '', unit: null, district: null });
  const [year, setYear] = useState(2024);
  const [manufacturing, setManufacturing] = useState(false);
  const review = useReview(port, pause);
  const { busy, result, notice, error, files, ready } = review;
  const panel = useMergeReviews(port);

  const standalone = mode === 'standalone';
  const missing = !platform.category ? strings.startReviewNeedsCategory : standalone && files.length === 0 ? strings.startReviewNeedsFiles : null;

  const onFiles = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    void review.addFiles(() => Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: await fileBytes(f) }))));
  };
  const start = () =>
    void review.start({
      platform: { name: platform.name, category: platform.category, unit: platform.unit, district: platform.district },
      year,
      manufacturing,
    });

  const section = (title: string, children: ReactNode, label?: string) => (
    <section className={styles.section} aria-label={label ?? title}>
      <Subtitle2 as="h2" className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" width={32} height={32} />
        <Title3 as="h1" className={styles.title}>
          {standalone ? strings.standaloneTitle : strings.title}
        </Title3>
      </header>
      {host === null || (host?.kind === 'outside' && host.reason === 'timeout') ? (
        <Caption1 role="status" data-testid="connecting">
          {strings.detecting}
        </Caption1>
      ) : null}
      {host?.kind === 'outside' ? <OutsideExcelNotice reason={host.reason} hostName={host.hostName} /> : null}
      <Body1 as="p" className={styles.description}>
        {standalone ? strings.standaloneDescription : strings.description}
      </Body1>
      {mode === 'outside' ? (
        <Caption1 className={styles.wrap} data-testid="standalone-link">
          {strings.standaloneLinkBefore}
          <Link href="review.html" inline>
            {strings.standaloneLinkText}
          </Link>
          {strings.standaloneLinkAfter}
        </Caption1>
      ) : null}
      {host?.kind === 'excel' ? <ApiSupportNote excelApi={host.excelApi} /> : null}

      {error ? <ErrorBar error={error} onDismiss={review.dismissError} /> : null}

      {section(
        strings.platformSection,
        <PlatformForm
          platform={platform}
          onPlatform={(p) => {
            setPlatform(p);
            review.resetResult();
          }}
          year={year}
          onYear={setYear}
          manufacturing={manufacturing}
          onManufacturing={setManufacturing}
          disabled={busy !== null}
        />,
      )}

      {section(
        strings.filesSection,
        <FilesSection
          standalone={standalone}
          ready={ready}
          files={files}
          onFiles={onFiles}
          onSample={loadSample ? () => void review.loadFiles(loadSample, (sample) => setPlatform(sample.platform)) : undefined}
          onClear={review.clearFiles}
        />,
      )}

      {notice && notice.near !== 'result' ? <NoticeBar notice={notice} /> : null}

      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<TaskListSquareLtrRegular />}
          disabled={!ready || missing !== null}
          title={port ? (missing ?? undefined) : strings.startReviewPending}
          onClick={start}
        >
          {strings.startReview}
        </Button>
      </div>
      {port && missing && busy === null ? <Caption1>{missing}</Caption1> : null}

      <ProgressField busy={busy} />

      {result ? (
        <>
          <Divider />
          {section(strings.resultSection, <ResultView report={result.report} scoring={result.scoring} />)}
          <ResultActions standalone={standalone} ready={ready} onWrite={() => void review.write()} onClearMarks={port?.clearMarks ? () => void review.clearMarks() : undefined} notice={notice} />
          {section(strings.findings, <FindingsList report={result.report} copied={port?.copiedSheets?.()} files={files} onSelect={port?.select ? review.select : undefined} canSelect={port?.canSelect} />)}
        </>
      ) : null}

      {port?.mergeReviews ? (
        <>
          <Divider />
          {section(
            strings.mergeSection,
            <MergeReviewsSection
              ready={ready && busy === null}
              busy={panel.busy}
              notice={panel.notice}
              error={panel.error}
              onFiles={(list) => {
                const chosen = Array.from(list ?? []);
                void panel.merge(() => Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: await fileBytes(f) }))));
              }}
              onDismissError={panel.dismissError}
            />,
          )}
        </>
      ) : null}

      <Divider />
      {section(strings.sizeSection, <SizeClassPanel />)}
    </main>
  );
}
