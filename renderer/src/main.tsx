// The renderer's entry: one API client for whichever door this page came through.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client.ts';
import { App } from './app/App.tsx';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={createApiClient()} />
    </StrictMode>,
  );
}
