//! The entry point trunk builds: mounts the app in the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    bal_register::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Bal Register runs in the browser: start it with `scripts/serve`.");
}
