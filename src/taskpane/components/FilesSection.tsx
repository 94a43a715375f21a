import { Button, Caption1, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { DocumentAddRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { strings } from '../strings';

const useStyles = makeStyles({
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
  // Without Fluent's 96 px minimum, 清空 fits in the row of the other two buttons at 350 px.
  clear: { minWidth: 'auto' },
});

export interface FilesSectionProps {
  /** The standalone page holds files (drop zone, list); inside Excel files are imported into the workbook. */
  standalone: boolean;
  ready: boolean;
  files: string[];
  onFiles(list: FileList | null): void;
  onSample?: () => void;
  onClear(): void;
}

/** The materials: a drop zone with 选择文件 / 载入示例 / 清空 (standalone), or 导入平台材料 (Excel). */
export function FilesSection({ standalone, ready, files, onFiles, onSample, onClear }: FilesSectionProps) {
  const styles = useStyles();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const picked = (list: FileList | null) => {
    onFiles(list);
    if (inputRef.current) inputRef.current.value = '';
  };
  const fileInput = (
    <input
      ref={inputRef}
      className={styles.hidden}
      type="file"
      multiple
      accept=".xlsx,.xlsm,.xls,.et,.ods,.csv"
      aria-label={standalone ? strings.pickButton : strings.importButton}
      data-testid="file-input"
      onChange={(e) => picked(e.target.files)}
    />
  );
  if (!standalone) {
    return (
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
    );
  }
  return (
    <div
      className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles(e.dataTransfer.files);
      }}
      data-testid="drop-zone"
    >
      <Caption1>{strings.dropHint}</Caption1>
      <div className={styles.buttons}>
        <Button icon={<FolderOpenRegular />} disabled={!ready} onClick={() => inputRef.current?.click()}>
          {strings.pickButton}
        </Button>
        {onSample ? (
          <Button icon={<DocumentAddRegular />} disabled={!ready} onClick={onSample}>
            {strings.sampleButton}
          </Button>
        ) : null}
        {files.length ? (
          <Button className={styles.clear} appearance="subtle" disabled={!ready} onClick={onClear}>
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
  );
}
