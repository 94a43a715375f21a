import {
  Body1,
  Button,
  Caption1,
  Divider,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Title3,
  makeStyles,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  DismissRegular,
  DocumentAddRegular,
  EraserRegular,
  FolderOpenRegular,
  TableEditRegular,
  TaskListSquareLtrRegular,
} from '@fluentui/react-icons';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { Finding, ReviewReport } from '../../domain/report';
import { reviewSubmission } from '../../domain/review';
import { DEFAULT_RUBRIC } from '../../workbook/layout/rubric';
import { computeScoring, type Scoring } from '../../workbook/layout/scoringSheet';
import type { HostInfo } from '../host';
import { messageOf, type PickedFile, type ReviewPort } from '../review/ports';
import { strings } from '../strings';
import { ApiSupportNote } from './ApiSupportNote';
import { FindingsList } from './FindingsList';
import { OutsideExcelNotice } from './OutsideExcelNotice';
import { PlatformForm, type PlatformChoice } from './PlatformForm';
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
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  wrap: { overflowWrap: 'anywhere' },
  hidden: { display: 'none' },
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

type Stage = 'read' | 'check' | 'write';
type Busy = { stage: Stage | null; label: string } | null;
/** A message after an action; `near` puts it by the materials or by the result's buttons. */
type Notice = { intent: 'success' | 'info' | 'warning'; text: string; details?: string[]; near?: 'files' | 'result' } | null;

const STAGE_PROGRESS: Record<Stage, number> = { read: 0.2, check: 0.6, write: 0.9 };

async function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`无法读取「${file.name}」`));
    reader.readAsArrayBuffer(file);
  });
}

const defaultPause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The review screen: platform, materials, 开始审核 with progress, the result, findings, actions and 划型测算. */
export function ReviewApp({ mode, port, host, loadSample, pause = defaultPause }: ReviewAppProps) {
  const styles = useStyles();
  const [platform, setPlatform] = useState<PlatformChoice>({ name: null, category: '', unit: null, district: null });
  const [year, setYear] = useState(2024);
  const [manufacturing, setManufacturing] = useState(false);
  const [files, setFiles] = useState<string[]>(port?.fileNames() ?? []);
  const [busy, setBusy] = useState<Busy>(null);
  const [result, setResult] = useState<{ report: ReviewReport; scoring: Scoring } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const standalone = mode === 'standalone';
  const ready = port !== null && busy === null;
  const missing = !platform.category ? strings.startReviewNeedsCategory : standalone && files.length === 0 ? strings.startReviewNeedsFiles : null;

  async function act(label: string, stage: Stage | null, work: () => Promise<void>): Promise<void> {
    setError(null);
    setBusy({ stage, label });
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  async function addFiles(pick: () => Promise<PickedFile[]>) {
    if (!port) return;
    await act(strings.importing, null, async () => {
      const picked = await pick();
      if (picked.length === 0) return;
      const r = await port.addFiles(picked);
      setFiles(port.fileNames());
      setResult(null);
      setNotice(
        r.problems.length
          ? { intent: 'warning', text: r.message || '部分文件未能导入：', details: r.problems }
          : { intent: 'success', text: r.message },
      );
    });
  }

  async function onPicked(list: FileList | null) {
    const chosen = Array.from(list ?? []);
    if (inputRef.current) inputRef.current.value = '';
    await addFiles(() => Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: await fileBytes(f) }))));
  }

  async function onSample() {
    if (!loadSample || !port) return;
    await act(strings.importing, null, async () => {
      const sample = await loadSample();
      port.clearFiles?.();
      setPlatform(sample.platform);
      const r = await port.addFiles(sample.files);
      setFiles(port.fileNames());
      setResult(null);
      setNotice({ intent: 'info', text: r.message });
    });
  }

  async function onStart() {
    if (!port) return;
    await act(strings.stageText.read, 'read', async () => {
      setNotice(null);
      const options = {
        platform: { name: platform.name, category: platform.category, unit: platform.unit, district: platform.district },
        year,
        manufacturing,
        rubric: DEFAULT_RUBRIC,
      };
      let report: ReviewReport;
      if (port.review) {
        report = await port.review(options, () => setBusy({ stage: 'check', label: strings.stageText.check }));
      } else {
        const source = await port.read();
        setBusy({ stage: 'check', label: strings.stageText.check });
        await pause();
        report = reviewSubmission({ ...options, files: source.files });
      }
      setResult({ report, scoring: computeScoring(report, DEFAULT_RUBRIC) });
    });
  }

  async function onWrite() {
    if (!port || !result) return;
    await act(strings.stageText.write, 'write', async () => {
      await pause();
      setNotice({ intent: 'success', text: await port.writeReview(result.report), near: 'result' });
    });
  }

  async function onClearMarks() {
    if (!port?.clearMarks) return;
    const clear = port.clearMarks;
    await act(strings.clearMarksButton, null, async () => {
      setNotice({ intent: 'info', text: await clear(), near: 'result' });
    });
  }

  function onSelect(finding: Finding) {
    if (!port?.select) return;
    const select = port.select;
    void select(finding).catch((e: unknown) => setError(messageOf(e)));
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    void onPicked(e.dataTransfer.files);
  }

  const section = (title: string, children: ReactNode, label?: string) => (
    <section className={styles.section} aria-label={label ?? title}>
      <Subtitle2 as="h2" className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );

  const fileInput = (
    <input
      ref={inputRef}
      className={styles.hidden}
      type="file"
      multiple
      accept=".xlsx,.xlsm,.xls,.et,.ods,.csv"
      aria-label={standalone ? strings.pickButton : strings.importButton}
      data-testid="file-input"
      onChange={(e) => void onPicked(e.target.files)}
    />
  );

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" width={32} height={32} />
        <Title3 as="h1" className={styles.title}>
          {standalone ? strings.standaloneTitle : strings.title}
        </Title3>
      </header>
      {host?.kind === 'outside' ? <OutsideExcelNotice reason={host.reason} hostName={host.hostName} /> : null}
      <Body1 as="p" className={styles.description}>
        {standalone ? strings.standaloneDescription : strings.description}
      </Body1>
      {mode === 'outside' ? <Caption1 className={styles.wrap}>{strings.standaloneLink}</Caption1> : null}
      {mode === 'excel' && host === undefined ? null : host === null ? <Caption1>{strings.detecting}</Caption1> : null}
      {host?.kind === 'excel' ? <ApiSupportNote excelApi={host.excelApi} /> : null}

      {error ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody className={styles.wrap}>
            <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<DismissRegular />} onClick={() => setError(null)} />}
          />
        </MessageBar>
      ) : null}

      {section(
        strings.platformSection,
        <PlatformForm
          platform={platform}
          onPlatform={(p) => {
            setPlatform(p);
            setResult(null);
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
        standalone ? (
          <div
            className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="drop-zone"
          >
            <Caption1>{strings.dropHint}</Caption1>
            <div className={styles.buttons}>
              <Button icon={<FolderOpenRegular />} disabled={!ready} onClick={() => inputRef.current?.click()}>
                {strings.pickButton}
              </Button>
              {loadSample ? (
                <Button icon={<DocumentAddRegular />} disabled={!ready} onClick={() => void onSample()}>
                  {strings.sampleButton}
                </Button>
              ) : null}
              {files.length ? (
                <Button
                  appearance="subtle"
                  disabled={!ready}
                  onClick={() => {
                    port?.clearFiles?.();
                    setFiles([]);
                    setResult(null);
                  }}
                >
                  {strings.clearFiles}
                </Button>
              ) : null}
            </div>
            {files.length ? (
              <ul className={styles.files} aria-label={strings.filesChosen(files.length)}>
                {files.map((f) => (
                  <li key={f}>
                    <Caption1>{f}</Caption1>
                  </li>
                ))}
              </ul>
            ) : null}
            {fileInput}
          </div>
        ) : (
          <>
            <Caption1 className={styles.wrap}>{strings.importHint}</Caption1>
            <div className={styles.buttons}>
              <Button icon={<DocumentAddRegular />} disabled={!ready} onClick={() => inputRef.current?.click()}>
                {strings.importButton}
              </Button>
            </div>
            <Caption1 className={styles.wrap}>{strings.workbookHint}</Caption1>
            {fileInput}
          </>
        ),
      )}

      {notice && notice.near !== 'result' ? (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody className={styles.wrap}>
            {notice.text}
            {notice.details?.length ? (
              <ul className={styles.files}>
                {notice.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<TaskListSquareLtrRegular />}
          disabled={!ready || missing !== null}
          title={port ? (missing ?? undefined) : strings.startReviewPending}
          onClick={() => void onStart()}
        >
          {strings.startReview}
        </Button>
      </div>
      {port && missing && busy === null ? <Caption1>{missing}</Caption1> : null}

      {busy ? (
        <Field
          validationState="none"
          validationMessage={busy.stage ? `${strings.stage[busy.stage]}：${busy.label}` : busy.label}
          aria-live="polite"
        >
          <ProgressBar
            aria-label={busy.label}
            thickness="large"
            value={busy.stage ? STAGE_PROGRESS[busy.stage] : undefined}
            data-testid="progress"
            data-stage={busy.stage ?? ''}
          />
        </Field>
      ) : null}

      {result ? (
        <>
          <Divider />
          {section(strings.resultSection, <ResultView report={result.report} scoring={result.scoring} />)}
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              icon={standalone ? <ArrowDownloadRegular /> : <TableEditRegular />}
              disabled={!ready}
              onClick={() => void onWrite()}
            >
              {standalone ? strings.downloadButton : strings.writeButton}
            </Button>
            {port?.clearMarks ? (
              <Button icon={<EraserRegular />} disabled={!ready} onClick={() => void onClearMarks()}>
                {strings.clearMarksButton}
              </Button>
            ) : null}
          </div>
          {notice && notice.near === 'result' ? (
            <MessageBar intent={notice.intent} layout="multiline">
              <MessageBarBody className={styles.wrap}>{notice.text}</MessageBarBody>
            </MessageBar>
          ) : null}
          {section(
            strings.findings,
            <FindingsList report={result.report} onSelect={port?.select ? onSelect : undefined} canSelect={port?.canSelect} />,
          )}
        </>
      ) : null}

      <Divider />
      {section(strings.sizeSection, <SizeClassPanel />)}
    </main>
  );
}
