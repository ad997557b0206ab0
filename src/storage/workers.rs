//! Framing a large save's chunks in worker threads (see `workers.js`), so
//! that compressing a state's import does not hold the page's thread, and
//! the phone's other cores share it.
//!
//! The workers run this same WebAssembly module, handed to them by the page,
//! and [`frame_chunk`] in it: a text framed there is exactly what
//! [`codec::frame`] gives here, read back before it is returned. If workers
//! cannot start or one fails, the page frames the chunks itself, so a save
//! never depends on them.

use super::codec;
use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/storage/workers.js")]
extern "C" {
    #[wasm_bindgen(js_name = appGlueUrl)]
    fn app_glue_url() -> Option<String>;

    type FramePool;
    #[wasm_bindgen(constructor)]
    fn new(glue: &str, module: &JsValue, threads: u32) -> FramePool;
    #[wasm_bindgen(method)]
    fn add(this: &FramePool, body: Uint8Array);
    #[wasm_bindgen(method)]
    fn finish(this: &FramePool) -> Promise;
    #[wasm_bindgen(method)]
    fn stop(this: &FramePool);
}

/// What a worker runs for each body.
#[wasm_bindgen(js_name = frameChunk)]
pub fn frame_chunk(body: &[u8]) -> String {
    codec::frame(body)
}

/// Below this many bytes in all, starting workers costs more than it saves
/// (an ordinary edit rewrites one chunk of a few kilobytes).
const WORTH_WORKERS: usize = 1 << 20;
/// Each worker holds its own copy of the app's memory: four are plenty.
const MOST_WORKERS: u32 = 4;

/// Frames bodies as they are added: in workers once they come to
/// [`WORTH_WORKERS`] bytes (or at once, when the caller knows the save is
/// large, so the workers start while the bodies are made), else here.
pub struct Framer {
    glue: Option<String>,
    pool: Option<FramePool>,
    /// Every body added, kept to frame here if the workers fail.
    bodies: Vec<Option<Vec<u8>>>,
    size: usize,
}

/// The framed texts, in the order their bodies were added.
pub struct Framed {
    pub texts: Vec<Option<String>>,
    /// Whether workers framed them (else the page did).
    pub in_workers: bool,
}

impl Framer {
    /// A framer whose workers run the app's module, named by the page.
    pub fn for_app(large: bool) -> Framer {
        Framer::new(app_glue_url(), large)
    }

    /// `glue`: the address of this module's JavaScript glue (`None`: frame
    /// here). `large`: start the workers now.
    pub fn new(glue: Option<String>, large: bool) -> Framer {
        let mut framer = Framer {
            glue,
            pool: None,
            bodies: Vec::new(),
            size: 0,
        };
        if large {
            framer.start_pool();
        }
        framer
    }

    pub fn add(&mut self, body: Option<Vec<u8>>) {
        self.size += body.as_ref().map_or(0, Vec::len);
        if let (Some(pool), Some(b)) = (&self.pool, &body) {
            pool.add(Uint8Array::from(b.as_slice()));
        }
        self.bodies.push(body);
        if self.pool.is_none() && self.size >= WORTH_WORKERS {
            self.start_pool();
        }
    }

    /// Starts the workers and hands them every body added so far.
    fn start_pool(&mut self) {
        let Some(glue) = &self.glue else { return };
        let threads = web_sys::window()
            .map_or(1.0, |w| w.navigator().hardware_concurrency())
            .clamp(1.0, f64::from(MOST_WORKERS)) as u32;
        let pool = FramePool::new(glue, &wasm_bindgen::module(), threads);
        for body in self.bodies.iter().flatten() {
            pool.add(Uint8Array::from(body.as_slice()));
        }
        self.pool = Some(pool);
    }

    pub async fn finish(mut self) -> Framed {
        if let Some(pool) = self.pool.take() {
            let outcome = JsFuture::from(pool.finish()).await;
            match outcome.and_then(|texts| self.in_order(&Array::from(&texts))) {
                Ok(texts) => {
                    return Framed {
                        texts,
                        in_workers: true,
                    }
                }
                Err(e) => web_sys::console::warn_2(&"framing here, not in workers:".into(), &e),
            }
        }
        Framed {
            texts: codec::frame_each(&self.bodies),
            in_workers: false,
        }
    }

    /// The workers' texts (one per body present) with each empty bucket's
    /// `None` in its place.
    fn in_order(&self, texts: &Array) -> Result<Vec<Option<String>>, JsValue> {
        let mut texts = texts.iter();
        self.bodies
            .iter()
            .map(|b| match b {
                None => Ok(None),
                Some(_) => texts
                    .next()
                    .and_then(|t| t.as_string())
                    .map(Some)
                    .ok_or_else(|| JsValue::from_str("a worker gave no text for a chunk")),
            })
            .collect()
    }
}

impl Drop for Framer {
    /// A save given up before it finished leaves no worker running.
    fn drop(&mut self) {
        if let Some(pool) = &self.pool {
            pool.stop();
        }
    }
}
