/// <reference types="office-js" />

/**
 * Runs `f` for the ribbon button whose manifest names the function `name`: through
 * Office.actions.associate, or, on an Office without it, as the global function older Office calls.
 */
export function onRibbonCommand(name: string, f: (event: Office.AddinCommands.Event) => void): void {
  if (typeof Office.actions?.associate === 'function') Office.actions.associate(name, f);
  else (window as unknown as Record<string, unknown>)[name] = f;
}

/** Shows the task pane of the add-in's shared runtime (SharedRuntime 1.1). */
export const showPane = (): Promise<void> => Office.addin.showAsTaskpane();
