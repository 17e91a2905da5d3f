import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { workbookNameFrom } from './file-name';
import { officeEnv } from '../adapters/office/office-env';
import { officeHost } from './host';

Office.onReady(() => {
  const env = officeEnv();
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App host={officeHost(env)} workbookName={workbookNameFrom(env.documentUrl)} />
    </FluentProvider>,
  );
});
