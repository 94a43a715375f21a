import { Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ExcelApiSupport } from '../host';
import { strings } from '../strings';

/** Small note on the host's ExcelApi support; warns when insertWorksheetsFromBase64 is missing. */
export function ApiSupportNote({ excelApi }: { excelApi: ExcelApiSupport }) {
  return (
    <>
      {excelApi.highest ? <Caption1>{strings.apiHighest(excelApi.highest)}</Caption1> : null}
      {excelApi.insertWorksheetsFromBase64 ? null : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{strings.apiMissingInsertSheets}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
