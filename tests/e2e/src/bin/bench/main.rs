//! The benchmark of issue 7: the state-scale register (41,290 children in
//! 2,900 Balasabhas, a year of meetings twice a month) taken into the release
//! build through its import page in headless Chromium, then every figure of
//! the issue measured in the page and printed, with a plain JSON and plain
//! JavaScript baseline from the same browser run.
//!
//! Run by `scripts/bench`, which builds the release app, measures its
//! download size with `scripts/size` and passes the total in
//! `BAL_BENCH_DOWNLOAD_GZ`. It asserts nothing: timings depend on the
//! machine, so they are reported, not tested.

mod baseline;
mod measure;
mod report;

use bal_register::domain::generate::Spec;
use bal_register_e2e::data_set::DataSet;
use bal_register_e2e::{new_profile, probe, Browser};
use std::time::Instant;

#[tokio::main]
async fn main() {
    let machine = report::Machine::read();
    let work = new_profile();
    let started = Instant::now();
    println!("Generating the state-scale register and its exchange file…");
    let set = DataSet::write(&Spec::state_scale(), &work.join("state-scale.json"));
    println!(
        "  {} people, {} groups, {} memberships, {} meetings; file {} MB ({:.1} s)",
        set.count(bal_register::domain::register::Kind::People),
        set.count(bal_register::domain::register::Kind::Groups),
        set.count(bal_register::domain::register::Kind::Memberships),
        set.count(bal_register::domain::register::Kind::Meetings),
        std::fs::metadata(&set.file).unwrap().len() / 1_000_000,
        started.elapsed().as_secs_f64()
    );

    let b = Browser::start().await;
    println!("Importing it through the data page…");
    let import = measure::import(&b, &set).await;
    let storage_units = b.js(probe::STORAGE_UNITS).await.as_u64().unwrap_or(0);

    println!("Restarting the browser for a cold start…");
    let b = b.restart().await;
    let cold = measure::cold_start(&b).await;
    println!("Typing in the search…");
    let keys = measure::keystrokes(&set);
    let search = measure::search(&b, &keys).await;
    let queries = measure::queries(&keys);
    println!("Counting elements on the main pages…");
    let dom = measure::dom_nodes(&b, &set).await;
    let settings = measure::settings_figure(&b).await;
    println!("Exporting everything…");
    let export = measure::export(&b, &work).await;
    println!("Baselines: the plain JSON and a JavaScript filter…");
    let base = baseline::run(&b, &set, &queries).await;
    b.quit().await;
    let _ = std::fs::remove_dir_all(&work);

    report::print(&report::Figures {
        machine,
        people: set.count(bal_register::domain::register::Kind::People),
        file_units: set.units,
        storage_units,
        settings,
        import,
        cold,
        search,
        queries,
        dom,
        export,
        base,
        download_gz: std::env::var("BAL_BENCH_DOWNLOAD_GZ")
            .ok()
            .and_then(|v| v.parse().ok()),
    });
}
