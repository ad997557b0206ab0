// Frames storage chunks (compresses, reads back, packs) in worker threads,
// so that saving a large import does not hold the page's thread. Each
// worker runs this same file as a module worker, and the app's own
// WebAssembly module, handed to it by the page rather than fetched again.
// Nothing here decides what is stored: a worker returns exactly the text
// `codec::frame` gives on the page, and the page frames the chunks itself
// if anything here is missing or fails (storage/workers.rs).

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

// A pool that has no worker ready by then is taken not to start at all.
const START_WITHIN_MS = 20000;

// Workers that frame bodies as they are added, each ready worker taking the
// next; `finish` resolves to the texts in the order the bodies were added,
// or rejects if a worker cannot start or fails.
export class FramePool {
  constructor(glue, module, threads) {
    this.bodies = [];
    this.texts = [];
    this.next = 0;
    this.done = 0;
    this.started = 0;
    this.idle = [];
    this.workers = [];
    this.failed = null;
    this.settle = null;
    this.timer = setTimeout(() => {
      if (this.started === 0) this.fail(new Error("no worker started"));
    }, START_WITHIN_MS);
    try {
      for (let n = 0; n < threads; n++) {
        const worker = new Worker(import.meta.url, { type: "module" });
        this.workers.push(worker);
        worker.onerror = (e) => this.fail(new Error(e.message || "a worker failed"));
        worker.onmessage = ({ data }) => {
          if (data.failed !== undefined) return this.fail(new Error(data.failed));
          if (data.loaded) return worker.postMessage({ glue, module });
          if (data.ready) {
            this.started++;
          } else if (data.index !== undefined) {
            this.texts[data.index] = data.text;
            this.done++;
          } else {
            return; // not ours
          }
          this.idle.push(worker);
          this.dispatch();
        };
      }
    } catch (e) {
      this.fail(e);
    }
  }

  add(body) {
    this.bodies.push(body);
    this.dispatch();
  }

  finish() {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.settle = { resolve, reject };
      this.dispatch();
    });
  }

  stop() {
    clearTimeout(this.timer);
    this.workers.forEach((w) => w.terminate());
    this.workers = [];
    this.idle = [];
  }

  dispatch() {
    while (!this.failed && this.idle.length > 0 && this.next < this.bodies.length) {
      const i = this.next++;
      const body = this.bodies[i];
      this.bodies[i] = null;
      this.idle.pop().postMessage({ index: i, body }, [body.buffer]);
    }
    if (this.settle && !this.failed && this.done === this.bodies.length) {
      const { resolve } = this.settle;
      this.settle = null;
      this.stop();
      resolve(this.texts);
    }
  }

  fail(error) {
    if (this.failed) return;
    this.failed = error;
    this.stop();
    if (this.settle) {
      const { reject } = this.settle;
      this.settle = null;
      reject(error);
    }
  }
}
