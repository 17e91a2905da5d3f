import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { workbookNameFrom } from './file-name';
import { officeHost } from './host';

Office.onReady(() => {
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App host={officeHost()} workbookName={workbookNameFrom(Office.context.document?.url)} />
    </FluentProvider>,
  );
});
