export function parseHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[];
export function serveApp(options: {
  distDir: string;
  mediaDir?: string;
  port?: number;
}): Promise<{ origin: string; close: () => Promise<void> }>;
