import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../api/channel';
import { channels } from '../api/channels';

// The renderer gets a narrow, grouped api (api.clients.add, ...) and never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'api',
  buildApi(channels, (wireName, request) => ipcRenderer.invoke(wireName, request)),
);
