import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { ReviewApp } from './components/ReviewApp';
import { readOfficeGlobal, watchHost, type HostInfo, type OfficeLike } from './host';
import { createExcelPort } from './review/excelPort';
import { usePrefersDark } from './hooks/usePrefersDark';
import type { ReviewPort } from './review/ports';

export interface AppProps {
  /** The `Office` global; read from the page when omitted (undefined when office.js failed to load). */
  office?: OfficeLike;
  /** How long to wait for Office.onReady (default 3 s). */
  readyTimeoutMs?: number;
  /** Builds the workbook port once Excel is detected; the Office adapter by default. */
  createPort?: (host: Extract<HostInfo, { kind: 'excel' }>) => ReviewPort;
}

/** The task pane application: follows host detection (a late Office.onReady included), then shows the review screen. */
export function App({ office, readyTimeoutMs, createPort }: AppProps) {
  const [host, setHost] = useState<HostInfo | null>(null);

  useEffect(() => {
    // A late Office.onReady still switches the pane to Excel after the "outside" notice.
    return watchHost(office ?? readOfficeGlobal(), setHost, { timeoutMs: readyTimeoutMs });
  }, [office, readyTimeoutMs]);

  const port = useMemo(
    () => (host?.kind === 'excel' ? (createPort ? createPort(host) : createExcelPort(host.excelApi)) : null),
    [host, createPort],
  );
  const prefersDark = usePrefersDark();
  // In Excel the pane follows Office's theme; outside it (a browser), the browser's.
  const dark = host?.kind === 'excel' ? host.dark : prefersDark;
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <ReviewApp key={host?.kind ?? 'detecting'} mode={host?.kind === 'excel' ? 'excel' : 'outside'} port={port} host={host} />
    </FluentProvider>
  );
}
