// What the Electron menu sends the page: a command and, for Open Recent, a path.
export type MenuCommandListener = (command: string, argument?: string) => void;
