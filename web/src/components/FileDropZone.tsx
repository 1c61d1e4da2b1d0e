import { useId, useState } from 'react';

/**
 * A place to drop files or choose them: the screening boundary and the observations import share it. Nothing is
 * taken while `busy` (a drop then would start a second read beside the first).
 */
export function FileDropZone({
  label,
  dropText,
  chooseText,
  inputClassName,
  accept,
  busy,
  onFiles,
}: {
  label: string;
  dropText: string;
  chooseText: string;
  inputClassName: string;
  accept: string;
  busy: boolean;
  onFiles: (files: FileList | null) => void;
}) {
  const [dragOver, setDragOver] = useState(false);
  const inputId = useId();
  return (
    <section
      className={`drop-zone${dragOver ? ' drag-over' : ''}`}
      aria-label={label}
      onDragOver={(e) => {
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragOver(false);
        if (!busy) onFiles(e.dataTransfer.files);
      }}
    >
      <p>{dropText}</p>
      <label htmlFor={inputId} className="file-button">
        {chooseText}
      </label>
      <input
        id={inputId}
        className={inputClassName}
        type="file"
        multiple
        accept={accept}
        disabled={busy}
        onChange={(e) => {
          onFiles(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </section>
  );
}
