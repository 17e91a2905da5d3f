import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { Peramban } from './Peramban';

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Peramban />
  </FluentProvider>,
);
