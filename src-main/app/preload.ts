import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../api/channel';
import { channels } from '../api/channels';
import { boundedSend } from './preload-send';

// The renderer gets a narrow, grouped api (api.clients.add, ...) and never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'api',
  buildApi(
    channels,
    boundedSend((wireName, request) => ipcRenderer.invoke(wireName, request)),
  ),
);
