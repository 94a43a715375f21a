/**
 * The review screen's state and actions: what is busy (and at which stage), the last notice and
 * error, the files held, and the result. The components only show them and call the actions.
 */
import { useCallback, useState } from 'react';
import type { Finding, ReviewReport } from '../../domain/report';
import { DEFAULT_RUBRIC } from '../../workbook/layout/rubric';
import { jobOf, reviewPlatform } from '../../workbook/reviewPlatform';
import { messageOf, type PickedFile, type ReviewOptions, type ReviewPort } from '../review/ports';
import { strings } from '../strings';
import { paneScoring, type PaneScoring } from './paneScoring';

export { paneScoring, type PaneScoring } from './paneScoring';

export type Stage = 'read' | 'check' | 'write';
export type Busy = { stage: Stage | null; label: string } | null;
/** A message after an action; `near` puts it by the materials or by the result's buttons. */
export type Notice = { intent: 'success' | 'info' | 'warning'; text: string; details?: string[]; near?: 'files' | 'result' } | null;

export interface ReviewResult {
  report: ReviewReport;
  scoring: PaneScoring;
}

const defaultPause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * @param port where the workbook lives (null while unavailable)
 * @param pause the yield between stages, so the progress bar is drawn; tests pass their own
 */
export function useReview(port: ReviewPort | null, pause: () => Promise<void> = defaultPause) {
  const [files, setFiles] = useState<string[]>(port?.fileNames() ?? []);
  const [busy, setBusy] = useState<Busy>(null);
  const [result, setResult] = useState<ReviewResult | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [error, setError] = useState<string | null>(null);

  /** Run an action: busy while it runs, its error shown, never thrown. */
  const act = useCallback(async (label: string, stage: Stage | null, work: () => Promise<void>): Promise<void> => {
    setError(null);
    setBusy({ stage, label });
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }, []);

  const addFiles = (pick: () => Promise<PickedFile[]>) =>
    port
      ? act(strings.importing, null, async () => {
          const picked = await pick();
          if (picked.length === 0) return;
          const r = await port.addFiles(picked);
          setFiles(port.fileNames());
          setResult(null);
          const details = [...r.problems, ...(r.notes ?? [])];
          setNotice({ intent: r.problems.length ? 'warning' : 'success', text: r.message || '部分文件未能导入：', ...(details.length ? { details } : {}) });
        })
      : Promise.resolve();

  /** Replace the held files with a sample's; `onLoaded` gets the sample (to set its platform). */
  const loadFiles = <T extends { files: PickedFile[] }>(load: () => Promise<T>, onLoaded: (sample: T) => void) =>
    port
      ? act(strings.importing, null, async () => {
          const sample = await load();
          port.clearFiles?.();
          onLoaded(sample);
          const r = await port.addFiles(sample.files);
          setFiles(port.fileNames());
          setResult(null);
          setNotice({ intent: 'info', text: r.message });
        })
      : Promise.resolve();

  const clearFiles = () => {
    port?.clearFiles?.();
    setFiles([]);
    setResult(null);
  };

  const start = (options: Omit<ReviewOptions, 'rubric'>) =>
    port
      ? act(strings.stageText.read, 'read', async () => {
          setNotice(null);
          const full: ReviewOptions = { ...options, rubric: DEFAULT_RUBRIC };
          let report: ReviewReport;
          if (port.review) {
            report = await port.review(full, () => setBusy({ stage: 'check', label: strings.stageText.check }));
          } else {
            const outcome = await reviewPlatform(jobOf(full), {
              read: async () => (await port.read()).files,
              onStage: async () => {
                setBusy({ stage: 'check', label: strings.stageText.check });
                await pause();
              },
            });
            if (!outcome.report) throw new Error(strings.startReviewNeedsCategory);
            report = outcome.report;
          }
          setResult({ report, scoring: paneScoring(report) });
        })
      : Promise.resolve();

  const write = () =>
    port && result
      ? act(strings.stageText.write, 'write', async () => {
          await pause();
          setNotice({ intent: 'success', text: await port.writeReview(result.report), near: 'result' });
        })
      : Promise.resolve();

  const clearMarks = () => {
    const clear = port?.clearMarks;
    return clear ? act(strings.clearMarksButton, null, async () => setNotice({ intent: 'info', text: await clear(), near: 'result' })) : Promise.resolve();
  };

  const select = (finding: Finding) => {
    const pick = port?.select;
    if (pick) void pick(finding).catch((e: unknown) => setError(messageOf(e)));
  };

  return {
    files,
    busy,
    result,
    notice,
    error,
    /** Ready for an action: a port, and nothing running. */
    ready: port !== null && busy === null,
    dismissError: () => setError(null),
    /** Forget the result (the platform changed). */
    resetResult: () => setResult(null),
    addFiles,
    loadFiles,
    clearFiles,
    start,
    write,
    clearMarks,
    select,
  };
}
