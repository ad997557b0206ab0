// Frames storage chunks (compresses, reads back, packs) in worker threads,
// so that saving a large import does not hold the page's thread. Each
// worker runs this same file as a module worker, and the app's own
// WebAssembly module, handed to it by the page rather than fetched again.
// Nothing here decides what is stored: a worker returns exactly the text
// `codec::frame` gives on the page, and the page falls back to framing on
// its own thread if anything here is missing or fails (storage/workers.rs).

const inWorker =
  typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope;

if (inWorker) {
  let app = null;
  self.onmessage = async ({ data }) => {
    try {
      if (data.glue !== undefined) {
        app = await import(data.glue);
        await app.default({ module_or_path: data.module });
        self.postMessage({ ready: true });
      } else {
        self.postMessage({ index: data.index, text: app.frameChunk(data.body) });
      }
    } catch (e) {
      self.postMessage({ failed: String(e) });
    }
  };
  // Messages sent before a module worker has run its script can be lost:
  // the page waits for this one before it sends any.
  self.postMessage({ loaded: true });
}

// The address of the app's JavaScript glue: trunk preloads it. Null when
// the page has no such link.
export function appGlueUrl() {
  const link = document.querySelector('link[rel="modulepreload"][href$=".js"]');
  return link ? link.href : null;
}

// A worker not ready by then is taken not to start at all.
const START_WITHIN_MS = 20000;

// Resolves to the framed text of each body, in order; rejects if a worker
// cannot start or fails. Largest bodies go first, each worker taking the
// next as it finishes one, so the threads end together.
export function frameInWorkers(glue, module, bodies, threads) {
  return new Promise((resolve, reject) => {
    const texts = new Array(bodies.length);
    const order = bodies.map((_, i) => i).sort((a, b) => bodies[b].length - bodies[a].length);
    const workers = [];
    let next = 0;
    let done = 0;
    let over = false;
    let started = 0;
    const timer = setTimeout(() => {
      if (started === 0) finish(new Error("no worker started"));
    }, START_WITHIN_MS);
    const finish = (error) => {
      if (over) return;
      over = true;
      clearTimeout(timer);
      workers.forEach((w) => w.terminate());
      if (error) reject(error);
      else resolve(texts);
    };
    const give = (worker) => {
      if (next < order.length) {
        const i = order[next++];
        worker.postMessage({ index: i, body: bodies[i] }, [bodies[i].buffer]);
      }
    };
    try {
      for (let n = 0; n < Math.min(threads, bodies.length); n++) {
        const worker = new Worker(import.meta.url, { type: "module" });
        workers.push(worker);
        worker.onerror = (e) => finish(new Error(e.message || "a worker failed to start"));
        worker.onmessage = ({ data }) => {
          if (data.failed !== undefined) return finish(new Error(data.failed));
          if (data.loaded) return worker.postMessage({ glue, module });
          if (data.ready) {
            started++;
          } else if (data.index !== undefined) {
            texts[data.index] = data.text;
            if (++done === bodies.length) return finish(null);
          } else {
            return; // not ours
          }
          give(worker);
        };
      }
      if (bodies.length === 0) finish(null);
    } catch (e) {
      finish(e);
    }
  });
}
