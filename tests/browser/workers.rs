//! Framing storage chunks in worker threads, as an import's save does.

use bal_register::domain::generate::{generate, Scale, Spec};
use bal_register::domain::register::{Kind, Register};
use bal_register::storage::codec;
use bal_register::storage::layout::BUCKETS;
use bal_register::storage::tables::table;
use bal_register::storage::workers::{frame_all, in_workers};
use wasm_bindgen_test::wasm_bindgen_test;

/// Every chunk of a generated register as bodies, with an emptied bucket
/// (`None`) among them as a commit has.
fn bodies(reg: &Register) -> Vec<Option<Vec<u8>>> {
    let buckets: Vec<_> = (0..BUCKETS).collect();
    let mut bodies: Vec<_> = Kind::ALL
        .iter()
        .flat_map(|&kind| table(reg, kind).bucket_bodies(&buckets))
        .collect();
    bodies.insert(1, None);
    bodies
}

fn framed_here(bodies: &[Option<Vec<u8>>]) -> Vec<Option<String>> {
    bodies
        .iter()
        .map(|b| b.as_deref().map(codec::frame))
        .collect()
}

/// The JavaScript glue of this test's module, as wasm-bindgen-test-runner
/// serves it.
fn glue() -> String {
    let page = web_sys::window().unwrap().location().href().unwrap();
    web_sys::Url::new_with_base("wasm-bindgen-test.js", &page)
        .unwrap()
        .href()
}

#[wasm_bindgen_test]
async fn chunks_framed_in_workers_are_the_chunks_framed_here() {
    let reg = generate(&Spec::seed_documents(Scale::per_mille(20))).unwrap();
    let bodies = bodies(&reg);
    assert!(
        bodies.iter().flatten().count() > 20,
        "a register of many chunks"
    );

    let texts = in_workers(&glue(), &bodies)
        .await
        .expect("the workers frame");

    assert_eq!(texts, framed_here(&bodies));
    assert_eq!(texts[1], None);
}

#[wasm_bindgen_test]
async fn workers_that_cannot_load_the_app_fail_instead_of_waiting() {
    let reg = generate(&Spec::seed_documents(Scale::per_mille(2))).unwrap();
    let missing = glue().replace("wasm-bindgen-test.js", "no-such-module.js");

    assert!(in_workers(&missing, &bodies(&reg)).await.is_err());
}

#[wasm_bindgen_test]
async fn a_large_save_is_framed_here_when_the_page_names_no_app_module() {
    // This test page has no preload link to the app's glue, so workers
    // cannot be started: the save must not depend on them.
    let reg = generate(&Spec::seed_documents(Scale::per_mille(50))).unwrap();
    let bodies = bodies(&reg);
    assert!(bodies.iter().flatten().map(Vec::len).sum::<usize>() > 1 << 20);

    assert_eq!(frame_all(bodies.clone()).await, framed_here(&bodies));
}
