//! The baselines, in the same browser: what keeping the register as plain
//! JSON in local storage would cost, and a plain JavaScript filter over the
//! names for the search.
//!
//! The plain JSON of the state-scale register does not fit in local
//! storage, so `localStorage.getItem` of it cannot be measured: the script
//! tries `setItem` and reports the browser's refusal, then times
//! `JSON.parse` of the same text held in memory, which is a lower bound for
//! `getItem` + `JSON.parse` had it fitted.

use bal_register_e2e::data_set::DataSet;
use bal_register_e2e::Browser;
use serde_json::{json, Value};

pub struct Baseline {
    /// `setItem` of the plain JSON: `None` if stored, else the error's name.
    pub refusal: Option<String>,
    pub parse_ms: f64,
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
        filter_ms: serde_json::from_value(out["filter"].clone()).expect("filter times"),
    }
}
