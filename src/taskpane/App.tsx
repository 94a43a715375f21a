import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { FirstScreen } from './components/FirstScreen';
import { detectHost, readOfficeGlobal, type HostInfo, type OfficeLike } from './host';

export interface AppProps {
  /** The `Office` global; read from the page when omitted (undefined when office.js failed to load). */
  office?: OfficeLike;
  /** How long to wait for Office.onReady (default 3 s). */
  readyTimeoutMs?: number;
}

/** The task pane application: detects the host once, then shows the first screen. */
export function App({ office, readyTimeoutMs }: AppProps) {
  const [host, setHost] = useState<HostInfo | null>(null);

  useEffect(() => {
    let cancelled = false;
    void detectHost(office ?? readOfficeGlobal(), { timeoutMs: readyTimeoutMs }).then((info) => {
      if (!cancelled) setHost(info);
    });
    return () => {
      cancelled = true;
    };
  }, [office, readyTimeoutMs]);

  const dark = host?.kind === 'excel' && host.dark;
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <FirstScreen host={host} />
    </FluentProvider>
  );
}
