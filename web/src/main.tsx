// Designsystemet's theme asks for Inter; it is served with the app, not from a font CDN.
import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Session } from './api/session';
import { router } from './app/router';
import { SessionProvider } from './auth/SessionProvider';
import { LanguageProvider } from './i18n/LanguageProvider';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <SessionProvider session={new Session()}>
        <RouterProvider router={router} />
      </SessionProvider>
    </LanguageProvider>
  </StrictMode>,
);
