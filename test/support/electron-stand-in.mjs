// A stand-in for the 'electron' module, for one smoke test of the built main process in plain
// Node (the Electron binary cannot run in CI). It records what main asks Electron to do and
// prints it as one JSON line once the window loads its page, then exits.
const seen = { sandboxEnabled: false, channels: [], windows: [], loaded: [], permissionHandlers: [] };

function report() {
  process.stdout.write(`${JSON.stringify(seen)}\n`);
  process.exit(0);
}

export const app = {
  enableSandbox: () => {
    seen.sandboxEnabled = true;
  },
  whenReady: async () => undefined,
  getPath: () => process.env.STAND_IN_USER_DATA,
  on: () => undefined,
  exit: (code) => process.exit(code),
};

export class BrowserWindow {
  constructor(options) {
    seen.windows.push(options);
    this.webContents = { on: () => undefined, setWindowOpenHandler: () => undefined };
  }
  once() {}
  async loadFile(file) {
    seen.loaded.push(file);
    setImmediate(report);
  }
  async loadURL(url) {
    seen.loaded.push(url);
    setImmediate(report);
  }
  static getAllWindows() {
    return [];
  }
}

export const ipcMain = {
  handle: (channel) => {
    seen.channels.push(channel);
  },
};
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: (s) => Buffer.from(s),
  decryptString: (b) => b.toString(),
};
const permissionSession = (name) => ({
  setPermissionRequestHandler: () => seen.permissionHandlers.push(`${name}:request`),
  setPermissionCheckHandler: () => seen.permissionHandlers.push(`${name}:check`),
});
export const session = { defaultSession: permissionSession('default'), fromPartition: (p) => permissionSession(p) };
export const dialog = {
  showErrorBox: (title, content) => {
    process.stderr.write(`${title}\n${content}\n`);
  },
};
export const shell = { openExternal: async () => undefined };
export const clipboard = { writeText: () => undefined };
export default { app, BrowserWindow, ipcMain, safeStorage, session, shell, clipboard, dialog };
