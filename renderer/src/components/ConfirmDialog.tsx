// A modal confirmation on the native <dialog>: focus is trapped and Esc cancels by the platform's
// own rules (the shell may also hide the window on Esc; both are fine).
import { useEffect, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) {
      d.showModal();
      // Cancel is the safe default, even when the body holds a control (a checkbox) before it.
      cancel.current?.focus();
    }
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="dialog-title" className="card-title">
        {props.title}
      </h2>
      <div className="dialog-body">{props.children}</div>
      <div className="actions">
        <button ref={cancel} type="button" className="btn btn-secondary" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          aria-disabled={props.pending || undefined}
          onClick={() => !props.pending && props.onConfirm()}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
