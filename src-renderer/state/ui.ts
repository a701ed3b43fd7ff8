import { create } from 'zustand';
import type { ApiFailure } from '../../src-main/api';

export interface Toast {
  id: number;
  tone: 'error' | 'success' | 'info';
  message: string;
  hint?: string;
  /** The screen that raised it (client/integration); it is shown there only. */
  screen: string;
}

/**
 * UI state only: what is selected and what is on screen. Clients, integrations and step results
 * are main's, fetched through the api and never cached here as truth.
 */
interface UiState {
  clientId: string | undefined;
  integrationId: string | undefined;
  /** Bumped whenever main's data changed, so views refetch. */
  revision: number;
  toasts: Toast[];
  dialog: Dialog | undefined;
  /** The integration a dialog is about (rename, delete, audit log), when it is about one. */
  dialogTarget: string | undefined;
  selectClient(clientId: string | undefined): void;
  selectIntegration(integrationId: string | undefined): void;
  dataChanged(): void;
  openDialog(dialog: Dialog, target?: string): void;
  closeDialog(): void;
  showFailure(failure: ApiFailure): void;
  showSuccess(message: string): void;
  dismissToast(id: number): void;
  /** The admin left the screen (another step, integration or client): its toasts go with it. */
  leaveScreen(): void;
  /** A later action on this screen succeeded: its earlier errors no longer hold, so they go. */
  clearErrors(): void;
}

export type Dialog =
  | 'add-client'
  | 'add-integration'
  | 'connect'
  | 'rename-client'
  | 'delete-client'
  | 'reset-practice-org'
  | 'rename-integration'
  | 'delete-integration'
  | 'audit-log'
  | 'import-plan'
  | 'duplicate-integration'
  | 'import-client'
  /** The drift audit of the target integration, or of every client's integrations without a target. */
  | 'drift-audit'
  | 'export-report'
  | 'export-portfolio';

let nextToast = 1;

/** The screen a toast belongs to: the selected client and integration. */
export function screenOf(s: { clientId: string | undefined; integrationId: string | undefined }): string {
  return `${s.clientId ?? ''}/${s.integrationId ?? ''}`;
}
const selectionKey = 'okta-onboard.selection';

function savedSelection(): { clientId?: string; integrationId?: string } {
  try {
    return JSON.parse(localStorage.getItem(selectionKey) ?? '{}') as { clientId?: string; integrationId?: string };
  } catch {
    return {};
  }
}

function saveSelection(clientId: string | undefined, integrationId: string | undefined): void {
  localStorage.setItem(selectionKey, JSON.stringify({ clientId, integrationId }));
}

export const useUi = create<UiState>((set, get) => ({
  ...savedSelection(),
  clientId: savedSelection().clientId,
  integrationId: savedSelection().integrationId,
  revision: 0,
  toasts: [],
  dialog: undefined,
  dialogTarget: undefined,
  selectClient: (clientId) => {
    saveSelection(clientId, undefined);
    set({ clientId, integrationId: undefined, toasts: [] });
  },
  selectIntegration: (integrationId) => {
    saveSelection(get().clientId, integrationId);
    set((s) => ({ integrationId, toasts: integrationId === s.integrationId ? s.toasts : [] }));
  },
  leaveScreen: () => set((s) => (s.toasts.length === 0 ? s : { toasts: [] })),
  clearErrors: () =>
    set((s) => (s.toasts.some((t) => t.tone === 'error') ? { toasts: s.toasts.filter((t) => t.tone !== 'error') } : s)),
  dataChanged: () => set((s) => ({ revision: s.revision + 1 })),
  openDialog: (dialog, target) => set({ dialog, dialogTarget: target }),
  closeDialog: () => set({ dialog: undefined, dialogTarget: undefined }),
  showFailure: (failure) =>
    set((s) => ({
      toasts: [
        ...s.toasts,
        { id: nextToast++, tone: 'error', message: failure.message, hint: failure.hint, screen: screenOf(s) },
      ],
    })),
  showSuccess: (message) =>
    set((s) => ({ toasts: [...s.toasts, { id: nextToast++, tone: 'success', message, screen: screenOf(s) }] })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
