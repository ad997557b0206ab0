//! Files in and out of the browser: a download made from text, and the
//! text of a file the volunteer chose or dropped. Nothing goes over the
//! network: a download is a Blob URL made and revoked on this page.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file called `name` to save. The Blob is made from
/// the text's UTF-8 bytes, which is what it would hold anyway: handing it a
/// JavaScript string instead cost a conversion to UTF-16 and back, a third
/// of the time to export a state's register.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(text.as_bytes()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// The text of a file, read as UTF-8 the way `File.text()` reads it (bytes
/// that are not UTF-8 become U+FFFD). The bytes are copied straight into
/// memory: asking the browser for text decoded them to UTF-16 only to be
/// encoded back, a seventh of the time to preview a state's export.
pub async fn read_text(file: &web_sys::File) -> Result<String, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// A file name with a date, from a label: `bal-register-kerala-2026-11-28.json`.
pub fn file_name(label: &str, date: chrono::NaiveDate, extension: &str) -> String {
    let mut slug = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let date = crate::domain::time::iso_date(date);
    if slug.is_empty() {
        format!("bal-register-{date}.{extension}")
    } else {
        format!("bal-register-{slug}-{date}.{extension}")
    }
}

/// Waits for the browser to draw (so a "reading…" notice shows before long
/// work starts).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
        }
    });
    let _ = JsFuture::from(promise).await;
}
