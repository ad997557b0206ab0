//! The baselines, in the same browser: what keeping the register as plain
//! JSON in local storage would cost, and a plain JavaScript filter over the
//! names for the search.
//!
//! The plain JSON of the state-scale register does not fit in local
//! storage, so `localStorage.getItem` of it cannot be measured: the script
//! tries `setItem` and reports the browser's refusal, then times
//! `JSON.parse` of the same text held in memory, and `getItem` of the
//! longest slice of it that fits beside the app's register, scaled up to the
//! whole text: together an estimate of `getItem` + `JSON.parse` had it
//! fitted.

use bal_register_e2e::data_set::DataSet;
use bal_register_e2e::Browser;
use serde_json::{json, Value};

pub struct Baseline {
    /// `setItem` of the plain JSON: `None` if stored, else the error's name.
    pub refusal: Option<String>,
    pub parse_ms: f64,
    /// UTF-16 units of the slice that `getItem` was timed on.
    pub slice_units: u64,
    /// `getItem` of the slice, median of five.
    pub slice_get_ms: f64,
    /// The same, scaled to the whole text's length.
    pub get_estimate_ms: f64,
    /// `Array.filter` over every name, one per query.
    pub filter_ms: Vec<f64>,
}

const SCRIPT: &str = r#"
const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const text = await document.getElementById('bench-file').files[0].text();
  const out = { units: text.length, refusal: null };
  try {
    localStorage.setItem('bench/plain-json', text);
    localStorage.removeItem('bench/plain-json');
  } catch (e) {
    out.refusal = e.name;
  }
  // The app's register is in this origin's local storage too: the slice
  // takes the room left beside it, less a margin.
  let used = 0;
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i); used += k.length + localStorage.getItem(k).length;
  }
  const slice = text.slice(0, 5242880 - used - 100000);
  localStorage.setItem('bench/plain-json', slice);
  const gets = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const back = localStorage.getItem('bench/plain-json');
    if (back.length !== slice.length) throw new Error('getItem gave a different length');
    gets.push(performance.now() - t);
  }
  localStorage.removeItem('bench/plain-json');
  gets.sort((a, b) => a - b);
  out.sliceUnits = slice.length;
  out.sliceGet = gets[2];
  let started = performance.now();
  const data = JSON.parse(text);
  out.parse = performance.now() - started;
  const names = data.records.people.filter(p => p.body)
    .map(p => (p.body.given_name + ' ' + p.body.family_name).toLowerCase());
  out.found = 0;
  out.filter = queries.map(q => {
    const lower = q.toLowerCase();
    started = performance.now();
    const found = names.filter(n => n.includes(lower));
    const took = performance.now() - started;
    out.found += found.length;
    return took;
  });
  done(out);
})().catch(e => done({ failed: String(e) }));
"#;

/// Runs the baselines on a page of the app's origin that does not run the
/// app (the web manifest), so the app's memory and work are not in the way.
pub async fn run(b: &Browser, set: &DataSet, queries: &[String]) -> Baseline {
    b.driver
        .goto(Browser::url("/manifest.webmanifest"))
        .await
        .expect("navigation");
    b.js("const i = document.createElement('input'); i.type = 'file'; i.id = 'bench-file'; document.body.appendChild(i);")
        .await;
    b.upload("#bench-file", &set.file).await;
    b.driver
        .set_script_timeout(std::time::Duration::from_secs(600))
        .await
        .expect("script timeout");
    let out: Value = b
        .driver
        .execute_async(SCRIPT, vec![json!(queries)])
        .await
        .expect("baseline script")
        .json()
        .clone();
    if let Some(failed) = out["failed"].as_str() {
        panic!("the baseline failed in the page: {failed}");
    }
    assert_eq!(
        out["units"].as_u64(),
        Some(set.units as u64),
        "the page read the whole file"
    );
    Baseline {
        refusal: out["refusal"].as_str().map(str::to_string),
        parse_ms: out["parse"].as_f64().expect("parse time"),
        slice_units: out["sliceUnits"].as_u64().expect("slice length"),
        slice_get_ms: out["sliceGet"].as_f64().expect("getItem time"),
        get_estimate_ms: out["sliceGet"].as_f64().expect("getItem time") * set.units as f64
            / out["sliceUnits"].as_f64().expect("slice length"),
        filter_ms: serde_json::from_value(out["filter"].clone()).expect("filter times"),
    }
}
