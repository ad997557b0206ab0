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
    #[wasm_bindgen(js_name = frameInWorkers)]
    fn frame_in_workers(glue: &str, module: &JsValue, bodies: &Array, threads: u32) -> Promise;
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

/// Each body framed by [`codec::frame`], in order: in workers when the save
/// is large and the browser can, else on this thread.
pub async fn frame_all(bodies: Vec<Option<Vec<u8>>>) -> Vec<Option<String>> {
    let size: usize = bodies.iter().flatten().map(Vec::len).sum();
    if size >= WORTH_WORKERS {
        if let Some(glue) = app_glue_url() {
            match in_workers(&glue, &bodies).await {
                Ok(texts) => return texts,
                Err(e) => web_sys::console::warn_2(&"framing here, not in workers:".into(), &e),
            }
        }
    }
    bodies
        .iter()
        .map(|b| b.as_deref().map(codec::frame))
        .collect()
}

/// [`frame_all`] in workers whatever the size; `glue` is the address of the
/// JavaScript glue of this module. An error if any worker fails.
pub async fn in_workers(
    glue: &str,
    bodies: &[Option<Vec<u8>>],
) -> Result<Vec<Option<String>>, JsValue> {
    let present: Array = bodies
        .iter()
        .flatten()
        .map(|b| Uint8Array::from(b.as_slice()))
        .collect();
    let threads = web_sys::window()
        .map_or(1.0, |w| w.navigator().hardware_concurrency())
        .clamp(1.0, f64::from(MOST_WORKERS)) as u32;
    let promise = frame_in_workers(glue, &wasm_bindgen::module(), &present, threads);
    let texts = Array::from(&JsFuture::from(promise).await?);
    let mut texts = texts.iter();
    bodies
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
