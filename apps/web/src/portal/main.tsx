import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalApp } from './App.tsx';
import { applyStoredElderMode } from './elder.ts';
import './portal.css';

applyStoredElderMode();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
