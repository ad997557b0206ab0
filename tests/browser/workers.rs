//! Framing storage chunks in worker threads, as an import's save does.

use bal_register::domain::generate::{generate, Scale, Spec};
use bal_register::domain::register::{Kind, Register};
use bal_register::storage::codec;
use bal_register::storage::layout::BUCKETS;
use bal_register::storage::tables::table;
use bal_register::storage::workers::{Framed, Framer};
use wasm_bindgen_test::wasm_bindgen_test;

/// Every chunk of a generated register as bodies, with an emptied bucket
/// (`None`) among them as a commit has.
fn bodies(per_mille: u32) -> Vec<Option<Vec<u8>>> {
    let reg: Register = generate(&Spec::seed_documents(Scale::per_mille(per_mille))).unwrap();
    let buckets: Vec<_> = (0..BUCKETS).collect();
    let mut bodies: Vec<_> = Kind::ALL
        .iter()
        .flat_map(|&kind| table(&reg, kind).bucket_bodies(&buckets))
        .collect();
    bodies.insert(1, None);
    bodies
}

fn size(bodies: &[Option<Vec<u8>>]) -> usize {
    bodies.iter().flatten().map(Vec::len).sum()
}

async fn frame(mut framer: Framer, bodies: &[Option<Vec<u8>>]) -> Framed {
    for body in bodies {
        framer.add(body.clone());
    }
    framer.finish().await
}

/// The JavaScript glue of this test's module, as wasm-bindgen-test-runner
/// serves it (at the root: other tests move the page's address).
fn glue() -> String {
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    format!("{origin}/wasm-bindgen-test.js")
}

#[wasm_bindgen_test]
async fn a_large_save_is_framed_in_workers_exactly_as_here() {
    let bodies = bodies(50);
    assert!(size(&bodies) > 1 << 20, "more than a megabyte to frame");

    // Not told it is large: the workers start once a megabyte has been
    // added, and frame what came before too.
    let framed = frame(Framer::new(Some(glue()), false), &bodies).await;

    assert!(framed.in_workers);
    assert_eq!(framed.texts, codec::frame_each(&bodies));
}

#[wasm_bindgen_test]
async fn a_small_save_is_framed_here() {
    let bodies = bodies(2);
    assert!(size(&bodies) < 1 << 20);

    let framed = frame(Framer::new(Some(glue()), false), &bodies).await;

    assert!(!framed.in_workers);
    assert_eq!(framed.texts, codec::frame_each(&bodies));
}

#[wasm_bindgen_test]
async fn workers_that_cannot_load_the_app_leave_the_framing_here() {
    let bodies = bodies(2);
    let missing = glue().replace("wasm-bindgen-test.js", "no-such-module.js");

    let framed = frame(Framer::new(Some(missing), true), &bodies).await;

    assert!(!framed.in_workers);
    assert_eq!(framed.texts, codec::frame_each(&bodies));
}

#[wasm_bindgen_test]
async fn a_page_that_names_no_app_module_frames_here() {
    // This test page has no preload link to an app's glue.
    let bodies = bodies(2);

    let framed = frame(Framer::for_app(true), &bodies).await;

    assert!(!framed.in_workers);
    assert_eq!(framed.texts, codec::frame_each(&bodies));
}
