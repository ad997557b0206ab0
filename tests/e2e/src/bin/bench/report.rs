//! The machine, and the figures printed against the targets.

use super::baseline::Baseline;
use super::measure::{ColdStart, Export, Import};
use bal_register_e2e::data_set::CHROME_QUOTA_UNITS;

pub struct Machine {
    cpu: String,
    cores: usize,
    memory: String,
    chromium: String,
    load_before: String,
}

fn first_line_with(file: &str, prefix: &str) -> String {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_else(|| "unknown".into())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Machine {
    pub fn read() -> Machine {
        let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let chromium = std::process::Command::new(&chrome)
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_else(|_| "unknown".into());
        Machine {
            cpu: first_line_with("/proc/cpuinfo", "model name"),
            cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
            memory: first_line_with("/proc/meminfo", "MemTotal"),
            chromium,
            load_before: load_average(),
        }
    }
}

pub struct Figures {
    pub machine: Machine,
    pub people: usize,
    /// The plain JSON (the exchange file) in UTF-16 units.
    pub file_units: usize,
    pub storage_units: u64,
    pub settings: Option<String>,
    pub import: Import,
    pub cold: ColdStart,
    pub search: Vec<f64>,
    /// The search field's text after each key, to name the slowest ones.
    pub queries: Vec<String>,
    pub dom: Vec<(String, u64)>,
    pub export: Export,
    pub base: Baseline,
    pub download_gz: Option<u64>,
}

/// The value at or below which `p` percent of the samples lie (nearest rank).
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
}

fn row(figure: &str, measured: String, target: &str, met: bool) {
    let verdict = if met { "met" } else { "MISSED" };
    println!("{figure:<44} {measured:>26}   {target:<12} {verdict}");
}

fn percent(units: f64) -> f64 {
    100.0 * units / CHROME_QUOTA_UNITS as f64
}

pub fn print(f: &Figures) {
    let m = &f.machine;
    println!();
    println!(
        "Bal Register benchmark: the state-scale register ({} people)",
        f.people
    );
    println!(
        "machine: {} ({} cores), {}; {}",
        m.cpu, m.cores, m.memory, m.chromium
    );
    println!(
        "load average before: {}, after: {}",
        m.load_before,
        load_average()
    );
    println!();
    println!(
        "{:<44} {:>26}   {:<12} result",
        "figure", "measured", "target"
    );
    let storage = percent(f.storage_units as f64);
    row(
        "local storage used (of Chrome's 5,242,880)",
        format!("{} units, {storage:.1}%", f.storage_units),
        "< 50%",
        storage < 50.0,
    );
    let reloads = percentile(&f.cold.reloads_ms, 50.0);
    row(
        "cold start: new browser to list painted",
        format!("{:.0} ms", f.cold.first_ms),
        "< 1 s",
        f.cold.first_ms < 1000.0,
    );
    row(
        "  the same, reloaded (median of 5)",
        format!("{reloads:.0} ms"),
        "< 1 s",
        reloads < 1000.0,
    );
    let p95 = percentile(&f.search, 95.0);
    row(
        &format!("search: key to list painted, p95 of {}", f.search.len()),
        format!("{p95:.1} ms"),
        "< 50 ms",
        p95 < 50.0,
    );
    let import = f.import.preview_ms + f.import.apply_ms;
    row(
        "import of the export: preview + apply",
        format!(
            "{:.0} + {:.0} = {import:.0} ms",
            f.import.preview_ms, f.import.apply_ms
        ),
        "< 2 s",
        import < 2000.0,
    );
    row(
        "export of the whole register",
        format!("{:.0} ms", f.export.ms),
        "< 1 s",
        f.export.ms < 1000.0,
    );
    let (page, most) = f
        .dom
        .iter()
        .max_by_key(|(_, n)| *n)
        .cloned()
        .unwrap_or_default();
    row(
        "DOM nodes, most on a main page",
        format!("{most} ({page})"),
        "< 1,500",
        most < 1500,
    );
    match f.download_gz {
        Some(bytes) => row(
            "release download, gzipped",
            format!("{bytes} B ({} KB)", bytes / 1024),
            "< 350 KB",
            bytes < 350 * 1024,
        ),
        None => println!("release download: run scripts/bench (it measures with scripts/size)"),
    }

    println!();
    println!("details:");
    println!(
        "  cold start: wasm arrived at {:.0} ms; reloads {:?} ms",
        f.cold.first_wasm_ms,
        f.cold
            .reloads_ms
            .iter()
            .map(|t| t.round())
            .collect::<Vec<_>>()
    );
    println!(
        "  search: median {:.1} ms, max {:.1} ms",
        percentile(&f.search, 50.0),
        percentile(&f.search, 100.0)
    );
    let mut slowest: Vec<(f64, &str)> = f
        .search
        .iter()
        .copied()
        .zip(f.queries.iter().map(String::as_str))
        .collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, query) in slowest.iter().take(3) {
        println!("    slow key: {ms:.1} ms, the field then read {query:?}");
    }
    println!("  import preview counted: {}", f.import.new_records);
    println!("  export file: {} MB", f.export.file_bytes / 1_000_000);
    for (page, n) in &f.dom {
        println!("  DOM {page:<36} {n:>6}");
    }
    if let Some(text) = &f.settings {
        println!("  settings page says: {text}");
    }

    println!();
    println!("baselines (same browser):");
    let file = percent(f.file_units as f64);
    println!(
        "  plain JSON of the same register: {} units, {file:.0}% of the quota",
        f.file_units
    );
    match &f.base.refusal {
        Some(error) => println!(
            "  localStorage.setItem of it: refused ({error}); plain JSON cannot be kept in local storage at all"
        ),
        None => println!("  localStorage.setItem of it: stored (unexpected at this size)"),
    }
    println!(
        "  JSON.parse of the same text held in memory: {:.0} ms",
        f.base.parse_ms
    );
    println!(
        "  localStorage.getItem of the first {} units of it: {:.1} ms; scaled to the whole text: {:.1} ms",
        f.base.slice_units, f.base.slice_get_ms, f.base.get_estimate_ms
    );
    println!(
        "  getItem + JSON.parse, had it fitted (estimate): {:.0} ms, against the app's cold start above",
        f.base.get_estimate_ms + f.base.parse_ms
    );
    println!(
        "  plain JavaScript Array.filter over {} names, same {} queries: p95 {:.1} ms, median {:.1} ms (no page update)",
        f.people,
        f.base.filter_ms.len(),
        percentile(&f.base.filter_ms, 95.0),
        percentile(&f.base.filter_ms, 50.0)
    );
}
