import { useState, type DragEvent } from "react";
import { useTranslation } from "../../i18n";

const ACCEPT =
  "video/mp4,video/webm,video/quicktime,video/x-matroska,.mp4,.webm,.mov,.m4v,.mkv,image/png,image/jpeg,image/webp";

/** File input plus a drop zone; hands the chosen file up. */
export function FilePicker({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const { t } = useTranslation("analyze");
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <label
      className={dragging ? "drop-zone dragging" : "drop-zone"}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <span>{t("picker.drop")}</span>
      <input
        type="file"
        accept={ACCEPT}
        disabled={disabled}
        data-testid="analyze-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onFile(file);
          event.currentTarget.value = "";
        }}
      />
    </label>
  );
}
