/// <reference types="office-js" />

/**
 * Opens the ribbon command's dialog at `url` (a ribbon command has no pane of its own) and resolves
 * with the message its page sends, closing it, or with null once it was closed by its × or could
 * not be opened.
 */
export function showDialog(url: string): Promise<string | null> {
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) return resolve(null);
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        resolve('message' in arg ? arg.message : null);
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve(null));
    }),
  );
}

/** From the dialog's page: the answer, for the command that opened the dialog. */
export const answerDialog = (message: string) => Office.context.ui.messageParent(message);
