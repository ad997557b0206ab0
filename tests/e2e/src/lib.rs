//! The end-to-end harness: serves the release build from `dist/` and drives
//! it in headless Chromium through ChromeDriver, as a volunteer would.
//!
//! Every [`Browser`] gets its own ChromeDriver and its own Chromium profile,
//! so tests run in parallel without sharing local storage. A profile can be
//! reopened with [`Browser::restart`] to check what survives a browser restart.

pub mod data_set;
pub mod flows;
pub mod probe;
mod server;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

pub use server::{Request, StaticServer};
pub use thirtyfour;

/// How long to wait for the page to show what a test expects.
pub const PATIENCE: Duration = Duration::from_secs(15);

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// The release build, served once for the whole test binary.
pub fn server() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| {
        let dist = std::env::var_os("BAL_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace_root().join("dist"));
        assert!(
            dist.join("index.html").is_file(),
            "no release build in {}: run `trunk build --release` (scripts/test does)",
            dist.display()
        );
        StaticServer::start(dist)
    })
}

/// A fresh, empty Chromium profile directory.
pub fn new_profile() -> PathBuf {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("bal-e2e-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("profile directory");
    dir
}

/// ChromeDriver in its own process group, so that dropping it also ends the
/// Chromium it started, even when a test fails half-way.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let port = free_port();
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let child = {
            use std::os::unix::process::CommandExt;
            Command::new(&binary)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| {
                    panic!("cannot start {binary}: {e} (scripts/setup --browser installs it)")
                })
        };
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < PATIENCE, "ChromeDriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One Chromium window on the app.
pub struct Browser {
    // Dropped first: with ChromeDriver gone, a session that was not quit
    // (a failed test) is not waited for when `driver` is dropped.
    _chromedriver: Driver,
    pub driver: WebDriver,
    pub profile: PathBuf,
    /// Every address the pages of this browser requested (see `note_requests`).
    requests: std::sync::Mutex<Vec<String>>,
}

impl Browser {
    /// A new browser with an empty profile.
    pub async fn start() -> Browser {
        Browser::with_profile(new_profile()).await
    }

    /// A browser on an existing profile (its local storage included).
    pub async fn with_profile(profile: PathBuf) -> Browser {
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(
            &std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into()),
        )
        .unwrap();
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--lang=en-US",
            "--window-size=1280,900",
        ] {
            caps.add_arg(arg).unwrap();
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.display()))
            .unwrap();
        // A driver can lose its port to a parallel test between choosing and
        // binding it; start another rather than fail the test.
        let mut attempts = 0;
        loop {
            let chromedriver = Driver::start();
            match WebDriver::new(
                format!("http://127.0.0.1:{}", chromedriver.port),
                caps.clone(),
            )
            .await
            {
                Ok(driver) => {
                    return Browser {
                        driver,
                        profile,
                        _chromedriver: chromedriver,
                        requests: Default::default(),
                    }
                }
                Err(e) if attempts < 3 => {
                    attempts += 1;
                    eprintln!("retrying the browser start after: {e}");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("no Chromium session: {e}"),
            }
        }
    }

    /// Closes the browser cleanly (so it writes its storage to disk) and opens
    /// a new one on the same profile.
    pub async fn restart(self) -> Browser {
        self.assert_same_origin().await;
        let Browser {
            driver,
            profile,
            _chromedriver,
            ..
        } = self;
        driver.quit().await.expect("browser quits");
        drop(_chromedriver);
        Browser::with_profile(profile).await
    }

    pub fn url(path: &str) -> String {
        format!("{}{path}", server().base_url())
    }

    /// Opens an address of the app and waits until the app is running.
    pub async fn open(&self, path: &str) {
        self.driver
            .goto(Browser::url(path))
            .await
            .expect("navigation");
        self.wait_for("header.app-header").await;
    }

    /// Moves to `path` inside the running app, as a link would, without
    /// loading the page again (which would lock a register behind a
    /// passphrase).
    pub async fn go(&self, path: &str) {
        self.js(&format!(
            "history.pushState(null, '', {path:?}); window.dispatchEvent(new PopStateEvent('popstate'));"
        ))
        .await;
        self.wait_for("header.app-header").await;
    }

    pub async fn reload(&self) {
        self.note_requests().await;
        self.driver.refresh().await.expect("reload");
        self.wait_for("header.app-header").await;
    }

    /// The path of the current address, e.g. `/children/abc`.
    pub async fn path(&self) -> String {
        self.driver
            .current_url()
            .await
            .expect("url")
            .path()
            .to_string()
    }

    /// Waits for an element to be shown and returns it.
    pub async fn wait_for(&self, css: &str) -> WebElement {
        self.driver
            .query(By::Css(css))
            .wait(PATIENCE, Duration::from_millis(50))
            .and_displayed()
            .first()
            .await
            .unwrap_or_else(|e| panic!("no visible {css}: {e}"))
    }

    /// Waits until no element matches.
    pub async fn wait_gone(&self, css: &str) {
        let started = Instant::now();
        while !self
            .driver
            .find_all(By::Css(css))
            .await
            .expect("query")
            .is_empty()
        {
            assert!(started.elapsed() < PATIENCE, "{css} is still shown");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn count(&self, css: &str) -> usize {
        self.driver
            .find_all(By::Css(css))
            .await
            .expect("query")
            .len()
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// Clears a text field and types into it, key by key.
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        field.clear().await.expect("clear");
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
    }

    /// Sends keys to whatever has the focus, as a keyboard does
    /// (`"\u{E004}"` is Tab, `"\u{E007}"` Enter).
    pub async fn press(&self, keys: &str) {
        self.driver
            .action_chain()
            .send_keys(keys)
            .perform()
            .await
            .expect("keys");
    }

    /// The id of the focused element (its class when it has none).
    pub async fn focused(&self) -> String {
        self.js("return document.activeElement.id || document.activeElement.className;")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Presses Tab until the element with `id` has the focus, at most
    /// `most` times; returns how many Tabs it took.
    pub async fn tab_to(&self, id: &str, most: usize) -> usize {
        let mut tabs = 0;
        while self.focused().await != id {
            assert!(tabs < most, "Tab never reached #{id}");
            self.press("\u{E004}").await;
            tabs += 1;
        }
        tabs
    }

    /// Types a date (`YYYY-MM-DD`) into a date field the way a person does in
    /// an en-US Chromium: month, day, year.
    pub async fn type_date(&self, css: &str, iso: &str) {
        let (y, rest) = iso.split_once('-').expect("YYYY-MM-DD");
        let (m, d) = rest.split_once('-').expect("YYYY-MM-DD");
        let field = self.wait_for(css).await;
        field.clear().await.expect("clear date");
        field.click().await.expect("focus date");
        field
            .send_keys(format!("{m}{d}{y}"))
            .await
            .expect("type date");
        let value = field
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default();
        assert_eq!(value, iso, "the date field took {iso}");
    }

    /// Picks an option of a `<select>` by its visible text.
    pub async fn select(&self, css: &str, visible_text: &str) {
        let select = self.wait_for(css).await;
        let options = select.find_all(By::Tag("option")).await.expect("options");
        for option in options {
            if option.text().await.expect("option text") == visible_text {
                option.click().await.expect("pick option");
                return;
            }
        }
        panic!("{css} has no option {visible_text:?}");
    }

    /// The visible text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.expect("text")
    }

    /// Waits until the element's text contains `expected`; returns the text.
    pub async fn wait_text(&self, css: &str, expected: &str) -> String {
        self.wait_text_within(css, expected, PATIENCE).await
    }

    /// As `wait_text`, for long work (generating a state's records).
    pub async fn wait_text_within(&self, css: &str, expected: &str, patience: Duration) -> String {
        let started = Instant::now();
        loop {
            let text = match self.driver.find(By::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if text.contains(expected) {
                return text;
            }
            assert!(
                started.elapsed() < patience,
                "{css} never showed {expected:?}; it shows {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits up to `patience` until a JavaScript expression is neither
    /// null, undefined nor false, and returns its value.
    pub async fn wait_js(&self, expression: &str, patience: Duration) -> serde_json::Value {
        let started = Instant::now();
        loop {
            let value = self.js(&format!("return {expression};")).await;
            if !value.is_null() && value != false {
                return value;
            }
            assert!(
                started.elapsed() < patience,
                "the page never gave {expression} in {patience:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs `script` in every page this browser opens from now on, before
    /// the page's own scripts (the DevTools protocol's
    /// `Page.addScriptToEvaluateOnNewDocument`).
    pub async fn on_new_document(&self, script: &str) {
        self.driver
            .cdp()
            .send_raw(
                "Page.addScriptToEvaluateOnNewDocument",
                serde_json::json!({ "source": script }),
            )
            .await
            .expect("script for new documents");
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.driver
            .execute(script, vec![])
            .await
            .expect("script runs")
            .json()
            .clone()
    }

    /// Everything the page keeps in local storage, as one string.
    pub async fn local_storage_dump(&self) -> String {
        self.js("return JSON.stringify(Object.entries(localStorage));")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Saves a screenshot under `target/e2e-screenshots/` (for docs and for
    /// looking at failures).
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = workspace_root().join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot directory");
        let path = dir.join(format!("{name}.png"));
        self.driver.screenshot(&path).await.expect("screenshot");
        path
    }

    /// Notes the addresses the current page has requested (resource timing
    /// lists every file, fetch and image since the page loaded). Called
    /// before each navigation, so every page of a test is covered.
    async fn note_requests(&self) {
        let seen = self
            .driver
            .execute(
                "performance.setResourceTimingBufferSize(100000); \
                 return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);",
                vec![],
            )
            .await;
        if let Ok(seen) = seen {
            let urls: Vec<String> = serde_json::from_value(seen.json().clone()).unwrap_or_default();
            self.requests.lock().unwrap().extend(urls);
        }
    }

    /// Asserts that every request the app's pages made went to the app's
    /// own origin (a privacy promise of the app).
    pub async fn assert_same_origin(&self) {
        self.note_requests().await;
        let origin = server().base_url();
        let seen = self.requests.lock().unwrap().clone();
        let foreign: Vec<&String> = seen
            .iter()
            .filter(|url| {
                !url.starts_with(&origin) && !url.starts_with("data:") && !url.starts_with("blob:")
            })
            .filter(|url| *url != "about:blank")
            .collect();
        assert!(
            foreign.is_empty(),
            "requests left the app's origin: {foreign:?}"
        );
        assert!(
            seen.iter().any(|u| u.ends_with(".wasm")),
            "the app was seen loading: {seen:?}"
        );
    }

    /// Checks that no request left the origin, then closes the browser.
    pub async fn quit(self) {
        self.assert_same_origin().await;
        let _ = self.driver.quit().await;
    }

    /// Cuts the browser off the network, or reconnects it (ChromeDriver's
    /// network emulation, which lasts across reloads).
    ///
    /// Still through thirtyfour's deprecated `ChromeDevTools`: it is the one
    /// way it offers to ChromeDriver's own network conditions, which the
    /// offline tests were written and proven against; the DevTools
    /// protocol's `Network.emulateNetworkConditions` is another mechanism.
    #[allow(deprecated)]
    pub async fn set_offline(&self, offline: bool) {
        let tools = thirtyfour::extensions::cdp::ChromeDevTools::new(self.driver.handle().clone());
        let conditions = thirtyfour::extensions::cdp::NetworkConditions {
            offline,
            ..Default::default()
        };
        tools
            .set_network_conditions(&conditions)
            .await
            .expect("network conditions");
    }

    /// Shows the page as it prints (CSS print media), or as on screen.
    pub async fn emulate_print(&self, print: bool) {
        self.driver
            .cdp()
            .send_raw(
                "Emulation.setEmulatedMedia",
                serde_json::json!({ "media": if print { "print" } else { "" } }),
            )
            .await
            .expect("emulated media");
    }

    /// Prints the page to PDF as the browser's print dialog would, with the
    /// page size the stylesheet asks for; returns the PDF's bytes.
    pub async fn print_to_pdf(&self) -> Vec<u8> {
        use base64::Engine;
        let out = self
            .driver
            .cdp()
            .send_raw(
                "Page.printToPDF",
                serde_json::json!({ "preferCSSPageSize": true, "printBackground": true }),
            )
            .await
            .expect("printed");
        let data = out["data"].as_str().expect("PDF data");
        base64::engine::general_purpose::STANDARD
            .decode(data)
            .expect("base64 PDF")
    }

    /// Saves downloads into `dir` (the DevTools protocol's download setting).
    pub async fn download_to(&self, dir: &Path) {
        self
            .driver
            .cdp()
            .send_raw(
                "Browser.setDownloadBehavior",
                serde_json::json!({ "behavior": "allow", "downloadPath": dir.display().to_string() }),
            )
            .await
            .expect("download behaviour");
    }

    /// Waits for a finished download whose name ends with `suffix` in `dir`.
    pub async fn wait_for_download(&self, dir: &Path, suffix: &str) -> PathBuf {
        let started = Instant::now();
        loop {
            if let Ok(entries) = std::fs::read_dir(dir) {
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().to_string();
                    if name.ends_with(suffix) {
                        return entry.path();
                    }
                }
            }
            assert!(
                started.elapsed() < PATIENCE,
                "no download ending in {suffix} in {}",
                dir.display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Gives a file to a file input, as choosing it in the dialog does.
    pub async fn upload(&self, css: &str, file: &Path) {
        let input = self
            .driver
            .find(By::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"));
        input
            .send_keys(file.display().to_string())
            .await
            .expect("file chosen");
    }

    /// Waits until the service worker controls the page (the app's files are
    /// then kept for offline use).
    pub async fn wait_for_offline_ready(&self) {
        let started = Instant::now();
        while self
            .js("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);")
            .await
            != true
        {
            assert!(
                started.elapsed() < PATIENCE,
                "the service worker never took control"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
