//! The app's state: the register in memory, its storage, settings and the
//! notices shown to the volunteer. Every change goes through [`AppState::apply`],
//! which saves before it returns, so nothing the volunteer sees as saved can
//! be lost.

use crate::domain::edit::Touched;
use crate::domain::edit::{Edit, EditError};
use crate::domain::generate::{generate, Spec};
use crate::domain::id::DeviceTag;
use crate::domain::name_index::NameIndex;
use crate::domain::register::Kind;
use crate::domain::register::Register;
use crate::domain::table::Author;
use crate::domain::time::Timestamp;
use crate::exchange::merge::ApplyError;
use crate::i18n::{Lang, Msg};
use crate::storage::key_value::KeyValue;
use crate::storage::key_value::WriteError;
use crate::storage::layout::{settings_key, DEMO, MODE_KEY, REAL};
use crate::storage::local::LocalStore;
use crate::storage::repo::{LoadReport, OpenError, Repo};
use crate::storage::settings::Settings;
use crate::storage::vault::{Keys, Op};
use crate::storage::workers::Framer;
use crate::ui::vault::{LockState, Store, Vault};
use chrono::NaiveDate;
use gloo_storage::Storage as _;
use leptos::prelude::*;
use std::collections::VecDeque;

/// Why an import was not made. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportFailure {
    Apply(ApplyError),
    Save(SaveError),
}

/// Why a change was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    Storage(WriteError),
    /// The register's rules refused the change.
    Edit(EditError),
    /// The register is open read-only (newer format, or no storage).
    ReadOnly,
    /// The passphrase lock is being set, changed or removed: wait.
    Busy,
}

impl From<EditError> for SaveError {
    fn from(e: EditError) -> Self {
        SaveError::Edit(e)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message in the page's notice area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub register: RwSignal<Register>,
    /// Every live person's folded name, rebuilt when the register changes.
    pub names: Memo<NameIndex>,
    pub settings: RwSignal<Settings>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The namespace shown: the real register or the demonstration.
    pub namespace: RwSignal<&'static str>,
    /// When the backup that can undo the last import was taken.
    pub backup_taken: RwSignal<Option<Timestamp>>,
    /// Whether a passphrase is set, and the records open.
    pub lock: RwSignal<LockState>,
    /// Saved changes not yet written to local storage (with a passphrase,
    /// they are sealed first; see `ui::vault`).
    pub saving: RwSignal<usize>,
    /// The passphrase is being set, changed or removed.
    pub busy: RwSignal<bool>,
    /// Everything on this device was erased ("forget this device").
    pub forgotten: RwSignal<bool>,
    pub(super) repo: StoredValue<Option<Repo<Store>>, LocalStorage>,
    pub(super) vault: StoredValue<Option<Vault>, LocalStorage>,
    /// Keys one passphrase opened when a change of passphrase left two.
    pub(super) partial_keys: StoredValue<Option<Keys<web_sys::CryptoKey>>, LocalStorage>,
    pub(super) queue: StoredValue<VecDeque<Vec<Op>>, LocalStorage>,
    pub(super) flushing: StoredValue<bool>,
    /// This tab's name, to tell which tab unlocked last.
    pub(super) tab: StoredValue<String>,
    /// When the volunteer last did something (ms since the epoch).
    pub(super) last_active: StoredValue<f64>,
    next_notice: StoredValue<u64>,
}

impl AppState {
    /// Opens the real register from local storage.
    pub fn open() -> Self {
        let settings = load_settings();
        let register = RwSignal::new(Register::default());
        let names = Memo::new(move |_| register.with(|r| NameIndex::build(&r.people)));
        let state = AppState {
            register,
            names,
            settings: RwSignal::new(settings),
            notices: RwSignal::new(Vec::new()),
            backup_taken: RwSignal::new(None),
            namespace: RwSignal::new(REAL),
            lock: RwSignal::new(LockState::Off),
            saving: RwSignal::new(0),
            busy: RwSignal::new(false),
            forgotten: RwSignal::new(false),
            repo: StoredValue::new_local(None),
            vault: StoredValue::new_local(None),
            partial_keys: StoredValue::new_local(None),
            queue: StoredValue::new_local(VecDeque::new()),
            flushing: StoredValue::new(false),
            tab: StoredValue::new(random_device_tag().to_string()),
            last_active: StoredValue::new(js_sys::Date::now()),
            next_notice: StoredValue::new(0),
        };
        let demo = LocalStore::open().and_then(|s| s.get(MODE_KEY)).as_deref() == Some("demo");
        state.load(if demo { DEMO } else { REAL });
        state
    }

    /// Opens the register kept under `ns` and shows it. The real register
    /// behind a passphrase waits for it (the lock screen), unless the keys
    /// are already open (coming back from the demonstration).
    fn load(&self, ns: &'static str) {
        let lang = self.lang();
        self.namespace.set(ns);
        self.repo.set_value(None);
        let Some(store) = LocalStore::open() else {
            return self.notify(
                NoticeKind::Error,
                crate::i18n::text(lang, Msg::StorageUnavailable).into(),
            );
        };
        if ns == REAL {
            match crate::storage::vault::read_header(&store, REAL) {
                Ok(None) => self.lock.set(LockState::Off),
                Ok(Some(_)) => {
                    self.register.set(Register::default());
                    match self.vault.try_update_value(|v| v.take()).flatten() {
                        Some(Vault { header, keys }) => {
                            let app = *self;
                            leptos::task::spawn_local(async move {
                                if app.open_sealed(header, keys).await.is_err() {
                                    app.lock.set(LockState::Locked);
                                }
                            });
                        }
                        None => self.lock.set(LockState::Locked),
                    }
                    return;
                }
                Err(_) => {
                    self.register.set(Register::default());
                    self.lock.set(LockState::Locked);
                    return self.notify(
                        NoticeKind::Error,
                        crate::i18n::text(lang, Msg::LockUnreadable).into(),
                    );
                }
            }
        }
        match Repo::open(Store::Plain(store), ns, random_device_tag) {
            Ok((repo, reg, report)) => self.show(repo, reg, &report),
            Err(OpenError::NewerFormat { .. }) => {
                self.register.set(Register::default());
                self.notify(
                    NoticeKind::Error,
                    crate::i18n::text(lang, Msg::NewerFormat).into(),
                )
            }
        }
    }

    /// Shows a register just opened: what opening found, and the built-in
    /// programmes a new register gets. If saving them fails they are added
    /// again next time; nothing depends on it.
    pub(super) fn show(&self, mut repo: Repo<Store>, mut reg: Register, report: &LoadReport) {
        self.report_load(self.lang(), report);
        let built_ins = reg.add_missing_built_ins();
        if !built_ins.is_empty() && repo.commit(&reg, &built_ins).is_err() {
            repo.revert(&mut reg, &built_ins);
        }
        self.register.set(reg);
        self.backup_taken.set(repo.backup().map(|b| b.taken_at));
        self.repo.set_value(Some(repo));
        self.flush_later();
    }

    /// Opens the register shown again, from storage.
    pub fn reload(&self) {
        self.load(self.namespace.get_untracked());
    }

    pub fn in_demo(&self) -> bool {
        self.namespace.get() == DEMO
    }

    /// Shows a generated demonstration register, kept apart from the real
    /// one (its own namespace). The real records are not read or written.
    pub async fn enter_demo(&self, spec: Spec) -> Result<(), SaveError> {
        let Some(mut store) = LocalStore::open() else {
            return Err(SaveError::ReadOnly);
        };
        clear_namespace(&mut store, DEMO);
        let spec = spec.with_seed(now().0 as u64);
        let reg = generate(&spec).map_err(|_| SaveError::Edit(EditError::IdsExhausted))?;
        let (mut repo, _, _) =
            Repo::open(store, DEMO, random_device_tag).map_err(|_| SaveError::ReadOnly)?;
        let everything: Touched = Kind::ALL
            .into_iter()
            .flat_map(|k| {
                crate::storage::tables::table(&reg, k)
                    .ids()
                    .into_iter()
                    .map(move |id| (k, id))
            })
            .collect();
        // A large demonstration is framed in workers, like a large import.
        let mut framer = Framer::for_app(false);
        let staged = repo.stage_each(&reg, &everything, |body| framer.add(body));
        let texts = framer.finish().await.texts;
        if let Err(e) = repo.commit_framed(staged, texts) {
            if let Some(mut store) = LocalStore::open() {
                clear_namespace(&mut store, DEMO);
            }
            return Err(SaveError::Storage(e));
        }
        if let Some(mut store) = LocalStore::open() {
            let _ = store.set(MODE_KEY, "demo");
        }
        self.load(DEMO);
        Ok(())
    }

    /// Leaves the demonstration: its data is removed, the real register shown.
    pub fn leave_demo(&self) {
        if let Some(mut store) = LocalStore::open() {
            store.remove(MODE_KEY);
            clear_namespace(&mut store, DEMO);
        }
        self.load(REAL);
    }

    /// A message in the current language, read without tracking.
    pub fn text(&self, msg: Msg) -> &'static str {
        crate::i18n::text(self.lang(), msg)
    }

    pub fn lang(&self) -> Lang {
        self.settings.with_untracked(|s| s.lang)
    }

    /// Makes a change and saves it. On any failure the register in memory is
    /// put back as it is in storage, and the error says why.
    pub fn apply<R>(
        &self,
        change: impl FnOnce(&mut Edit) -> Result<R, SaveError>,
    ) -> Result<R, SaveError> {
        if self.busy.get_untracked() {
            return Err(SaveError::Busy);
        }
        self.touch();
        let mut outcome = Err(SaveError::ReadOnly);
        let mut changed = false;
        self.repo.update_value(|repo| {
            let Some(repo) = repo else { return };
            // Untracked: pages re-render only if something really changed, so
            // a refused save leaves the form as the volunteer left it.
            self.register.update_untracked(|reg| {
                // Another tab may have saved since this one last looked.
                changed = matches!(repo.sync(reg), Ok(true));
                let author = Author {
                    device: repo.meta().ids.device,
                    now: now(),
                };
                let by = self.settings.with_untracked(|s| s.volunteer.clone());
                let mut edit = Edit::new(reg, repo.ids_mut(), author);
                // Every change is signed into the audit trail (domain::audit).
                let result = change(&mut edit)
                    .and_then(|value| edit.sign(&by).map(|()| value).map_err(Into::into));
                let touched = edit.touched();
                outcome = match result {
                    Ok(value) => repo
                        .commit(reg, &touched)
                        .map(|()| value)
                        .map_err(SaveError::Storage),
                    Err(e) => Err(e),
                };
                if outcome.is_err() {
                    repo.revert(reg, &touched);
                } else {
                    changed = true;
                }
            });
        });
        if changed {
            self.register.notify();
        }
        self.flush_later();
        outcome
    }

    /// This device's id tag, for export files.
    pub fn device(&self) -> Option<crate::domain::id::DeviceTag> {
        self.repo
            .with_value(|r| r.as_ref().map(|r| r.meta().ids.device))
    }

    /// Notes that an export was made now (for the reminder).
    pub fn exported_now(&self) {
        let mut settings = self.settings.get_untracked();
        settings.last_export = Some(now());
        let _ = self.save_settings(settings);
    }

    /// Takes in changes another tab saved. Called on the `storage` event.
    pub fn sync_from_other_tab(&self) {
        let mut changed = false;
        self.repo.update_value(|repo| {
            // Sealed, this tab is the only one open (see `ui::vault`).
            if let Some(repo) = repo
                .as_mut()
                .filter(|r| matches!(r.store(), Store::Plain(_)))
            {
                let mut reg = self.register.get_untracked();
                if let Ok(true) = repo.sync(&mut reg) {
                    self.register.set(reg);
                    changed = true;
                }
            }
        });
        if changed {
            self.notify(
                NoticeKind::Info,
                crate::i18n::text(self.lang(), Msg::OtherTabChanged).into(),
            );
        }
    }

    pub fn save_settings(&self, settings: Settings) -> Result<(), SaveError> {
        if LocalStore::open().is_none() {
            return Err(SaveError::ReadOnly);
        }
        gloo_storage::LocalStorage::set(settings_key(REAL), &settings).map_err(|e| {
            SaveError::Storage(match e {
                gloo_storage::errors::StorageError::JsError(js) if js.name.contains("Quota") => {
                    WriteError::QuotaExceeded
                }
                other => WriteError::Refused(other.to_string()),
            })
        })?;
        self.settings.set(settings);
        Ok(())
    }

    pub fn notify(&self, kind: NoticeKind, text: String) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|list| {
            // Keep the area short: the newest few are what matters.
            if list.len() >= 3 {
                list.remove(0);
            }
            list.push(Notice { id, kind, text });
        });
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    pub(super) fn report_load(&self, lang: Lang, report: &LoadReport) {
        if !report.damaged.is_empty() {
            let text = crate::i18n::fill(
                crate::i18n::text(lang, Msg::DamagedData),
                &[("count", &report.damaged.len().to_string())],
            );
            self.notify(NoticeKind::Error, text);
        }
        if report.meta_rebuilt {
            self.notify(
                NoticeKind::Info,
                crate::i18n::text(lang, Msg::MetaRebuilt).into(),
            );
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The explanation of a failed save, for a notice.
pub fn save_error_text(lang: Lang, e: &SaveError) -> String {
    use crate::i18n::{fill, text};
    match e {
        SaveError::Storage(WriteError::QuotaExceeded) => text(lang, Msg::StorageFull).into(),
        SaveError::Storage(WriteError::Refused(why)) => {
            fill(text(lang, Msg::StorageRefused), &[("reason", why)])
        }
        SaveError::Edit(e) => {
            let app = use_app();
            let fmt = app.settings.with_untracked(|s| s.formats);
            app.register
                .with_untracked(|reg| crate::i18n::refusals::edit_error(lang, fmt, reg, e))
        }
        SaveError::ReadOnly => text(lang, Msg::StorageUnavailable).into(),
        SaveError::Busy => text(lang, Msg::Busy).into(),
    }
}

/// Removes every key of a namespace.
fn clear_namespace(store: &mut LocalStore, ns: &str) {
    let prefix = format!("{ns}/");
    for key in store.keys() {
        if key.starts_with(&prefix) {
            store.remove(&key);
        }
    }
}

fn load_settings() -> Settings {
    // Read as text and parse leniently: a damaged value must not stop the app.
    LocalStore::open()
        .and_then(|store| store.get(&settings_key(REAL)))
        .map(|text| Settings::from_json(&text))
        .unwrap_or_default()
}

pub fn now() -> Timestamp {
    Timestamp::from_datetime(chrono::Utc::now())
}

/// Today's date where the volunteer is.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A device tag from the browser's cryptographic random source.
pub(super) fn random_device_tag() -> DeviceTag {
    let mut bytes = [0u8; 8];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    match crypto {
        Some(c) if c.get_random_values_with_u8_array(&mut bytes).is_ok() => {}
        // Without WebCrypto (very old browsers) fall back to time and Math.random.
        _ => {
            let mix = (js_sys::Math::random() * 2f64.powi(52)) as u64
                ^ (js_sys::Date::now() as u64).rotate_left(20);
            bytes = mix.to_le_bytes();
        }
    }
    DeviceTag::from_random(u64::from_le_bytes(bytes))
}
