//! Measurements taken inside the page with `performance.now()`, so that
//! WebDriver's own round trips are not counted. Each timer starts at what
//! the volunteer does (navigation, a key, choosing a file, a click) and
//! stops when the first frame after the page's answer has been painted:
//! `requestAnimationFrame` runs just before a frame is drawn, and a task
//! queued from it runs once that frame is done.
//!
//! The scripts only watch: they change nothing in the page.

/// For new documents: when rows of the record list first show, and when
/// that frame is painted (`window.__cold.usable`, ms from navigation start).
pub const COLD_START: &str = r#"(() => {
  const b = window.__cold = {};
  new MutationObserver((_, watcher) => {
    if (b.rows === undefined && document.querySelector('.record-list .record-row')) {
      b.rows = performance.now();
      requestAnimationFrame(() => setTimeout(() => { b.usable = performance.now(); }, 0));
      watcher.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();"#;

/// How long the app's wasm took to arrive, from navigation start (ms).
pub const WASM_ARRIVED: &str = "return performance.getEntriesByType('resource')\
    .filter(e => e.name.endsWith('.wasm')).map(e => e.responseEnd)[0] ?? null;";

/// On the people list: each keystroke in the search field, from the key
/// going down to the frame painted after the list answered
/// (`window.__search.samples`, ms).
pub const SEARCH: &str = r#"(() => {
  const box = document.getElementById('search');
  const s = window.__search = { samples: [] };
  let down = null;
  box.addEventListener('keydown', e => { down = e.timeStamp; }, true);
  box.addEventListener('input', () => {
    const start = down ?? performance.now();
    down = null;
    requestAnimationFrame(() => setTimeout(() => s.samples.push(performance.now() - start), 0));
  });
})();"#;

/// On the data page: choosing a file to its preview painted, and the click
/// on "apply" to the notice that it was imported (`window.__import`, ms).
/// A refused file is noted in `window.__import.error`.
pub const IMPORT: &str = r#"(() => {
  const m = window.__import = {};
  const painted = name => requestAnimationFrame(() => setTimeout(() => { m[name] = performance.now(); }, 0));
  document.addEventListener('change', e => { if (e.target.id === 'import-file') m.chosen = performance.now(); }, true);
  document.addEventListener('click', e => { if (e.target.closest('#apply-import')) m.apply = performance.now(); }, true);
  new MutationObserver(() => {
    if (m.chosen !== undefined && m.previewShown === undefined && document.getElementById('import-preview')) {
      m.previewShown = performance.now();
      painted('preview');
    }
    const error = document.getElementById('import-error');
    if (error && m.error === undefined) m.error = error.textContent;
    const notices = document.querySelector('.notices');
    if (m.apply !== undefined && m.appliedShown === undefined && notices && notices.textContent.includes('Imported')) {
      m.appliedShown = performance.now();
      painted('applied');
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})();"#;

/// On the data page: the click on "export" to the notice that the file was
/// saved, painted (`window.__export`, ms).
pub const EXPORT: &str = r#"(() => {
  const m = window.__export = {};
  document.addEventListener('click', e => { if (e.target.closest('#export-json')) m.click = performance.now(); }, true);
  new MutationObserver(() => {
    const notices = document.querySelector('.notices');
    if (m.click !== undefined && m.shown === undefined && notices && notices.textContent.includes('Saved')) {
      m.shown = performance.now();
      requestAnimationFrame(() => setTimeout(() => { m.saved = performance.now(); }, 0));
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})();"#;

/// Elements in the page.
pub const DOM_NODES: &str = "return document.getElementsByTagName('*').length;";

/// UTF-16 code units this origin keeps in local storage, keys and values
/// together: what Chrome counts against its quota.
pub const STORAGE_UNITS: &str = "let n = 0;\
    for (let i = 0; i < localStorage.length; i++) {\
      const k = localStorage.key(i); n += k.length + localStorage.getItem(k).length;\
    }\
    return n;";
