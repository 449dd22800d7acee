/**
 * Error raised by the pose asset tooling. `code` lets callers and tests tell
 * failures apart without matching on message text.
 */
export class PoseAssetsError extends Error {
  /**
   * @param {string} code short machine-readable reason, e.g. `INPUT_MISSING`
   * @param {string} message what went wrong and what to do about it
   */
  constructor(code, message) {
    super(message);
    this.name = "PoseAssetsError";
    this.code = code;
  }
}
