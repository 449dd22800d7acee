/**
 * Reads a response body whole while reporting bytes as they arrive, so a large download (a pose
 * model, the food index) shows real progress. `totalBytes` is the larger of what the caller
 * expects (a Content-Length, a manifest's size) and what has arrived.
 */
export async function readWithProgress(
  response: Response,
  expectedBytes: number,
  onBytes: (loadedBytes: number, totalBytes: number) => void,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loadedBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loadedBytes += value.byteLength;
    onBytes(loadedBytes, Math.max(expectedBytes, loadedBytes));
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const whole = new Uint8Array(loadedBytes);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
