/// <reference types="office-js" />

/** How a dialog ended: the answer its page sent, closed by its ×, or not opened (Office's error code). */
export type DialogOutcome = { answer: string } | { closed: true } | { error: number };

/**
 * Opens a dialog at `url` and resolves with the message its page sends, closing it, or once it was
 * closed by its × or could not be opened (Office's error code: 12007 another dialog is open, 12009
 * the user declined it, 12011 the browser blocks it …).
 */
export function showDialog(url: string): Promise<DialogOutcome> {
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) return resolve({ error: opened.error?.code ?? 0 });
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        resolve('message' in arg ? { answer: arg.message } : { closed: true });
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve({ closed: true }));
    }),
  );
}
