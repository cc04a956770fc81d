/** Worker thread body: parses one issue file's bytes (see parse-off-thread.ts) and posts the result. */
import { parentPort, workerData } from "node:worker_threads";
import { IssueFileError } from "./errors.js";
import { parseIssueBytes } from "./file.js";

const { bytes, file } = workerData as { bytes: Uint8Array; file: string };
try {
  parentPort!.postMessage({ ok: true, read: parseIssueBytes(bytes, file) });
} catch (error) {
  parentPort!.postMessage(
    error instanceof IssueFileError
      ? { ok: false, refused: { file: error.file, reason: error.reason, where: error.where } }
      : { ok: false, message: error instanceof Error ? error.message : String(error) },
  );
}
