// Reviews run here, off the page's thread: pasting a 13 MB description never
// freezes the page. The page posts {id, kind, options}; the answer is
// {id, result} or {id, error}. A trap restarts the module's instance (see
// pkg/index.js); a worker that dies is replaced by the page.
import { diff, review, version } from "./pkg/index.js";

const work = { diff, review, version };

self.onmessage = async ({ data }) => {
  const { id, kind, options } = data;
  try {
    const run = work[kind];
    if (!run) throw new Error(`unknown request: ${kind}`);
    self.postMessage({ id, result: await run(options) });
  } catch (error) {
    self.postMessage({ id, error: error?.message ?? String(error) });
  }
};
