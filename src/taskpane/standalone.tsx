/**
 * review.html: the review screen without Excel. Files are read and reviewed in a Web Worker
 * (review-worker.js) and the review workbook written in the page (ExcelJS, loaded on first use);
 * nothing is uploaded.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { ReviewApp } from './components/ReviewApp';
import { usePrefersDark } from './hooks/usePrefersDark';
import { SAMPLE, fetchSample } from './review/sample';
import { reviewInWorker } from './review/reviewInWorker';
import { createStandalonePort } from './review/standalonePort';

/** The review worker, built by webpack as review-worker.js next to this page. */
const reviewFiles = reviewInWorker(() => new Worker(new URL('review-worker.js', document.baseURI)));

export function StandaloneApp() {
  const dark = usePrefersDark();
  const port = useMemo(() => createStandalonePort(undefined, reviewFiles), []);
  const sample = SAMPLE;
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <ReviewApp mode="standalone" port={port} loadSample={sample ? () => fetchSample(sample) : undefined} />
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <StandaloneApp />
    </StrictMode>,
  );
}
