//! The passphrase lock in the app: unlocking, locking (by hand, after the
//! chosen idle time, or when another tab unlocks), setting, changing and
//! removing the passphrase, and the queue that writes each saved change to
//! local storage sealed.
//!
//! Unlocked, the register is kept decrypted in memory ([`Store::Sealed`]):
//! `AppState::apply` commits to that copy at once, as it commits to local
//! storage when there is no lock, and the commit's writes are then sealed
//! (WebCrypto is asynchronous) and written in order by [`AppState::drain`].
//! The header shows "Saving…" until they are, the page asks before it is
//! closed meanwhile, and if storage refuses them the register is read back
//! from storage, as it is, and the volunteer told. Only one tab is unlocked
//! at a time: unlocking here locks the others, so two tabs never write
//! sealed values over each other.
//!
//! The formats and the crash-safe order of every change are in
//! `storage::vault`, tested natively.

use super::state::{random_device_tag, AppState, NoticeKind, SaveError};
use crate::crypto::web::WebCipher;
use crate::crypto::CryptoError;
use crate::domain::register::Register;
use crate::i18n::Msg;
use crate::storage::key_value::{KeyValue, WriteError};
use crate::storage::layout::REAL;
use crate::storage::local::LocalStore;
use crate::storage::repo::Repo;
use crate::storage::vault::{self, ChangeError, Header, Journal, Keys, LoadError, Op, UnlockError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::CryptoKey;

/// Where the repository keeps the register: local storage itself, or a
/// decrypted copy in memory whose changes are flushed sealed.
pub enum Store {
    Plain(LocalStore),
    Sealed(Journal),
}

impl Store {
    /// The sealed copy's writes since the last call; none for plain.
    pub fn take_ops(&mut self) -> Vec<Op> {
        match self {
            Store::Plain(_) => Vec::new(),
            Store::Sealed(j) => j.take(),
        }
    }
}

impl KeyValue for Store {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            Store::Plain(s) => s.get(key),
            Store::Sealed(s) => s.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        match self {
            Store::Plain(s) => s.set(key, value),
            Store::Sealed(s) => s.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) {
        match self {
            Store::Plain(s) => s.remove(key),
            Store::Sealed(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Vec<String> {
        match self {
            Store::Plain(s) => s.keys(),
            Store::Sealed(s) => s.keys(),
        }
    }
}

/// Whether the register is behind a passphrase, and open or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockState {
    /// No passphrase is set.
    Off,
    /// A passphrase is set and the records are not open.
    Locked,
    Unlocked,
}

/// The open lock: its header and the keys the passphrase opened. The keys
/// are WebCrypto handles, not extractable.
pub struct Vault {
    pub header: Header,
    pub keys: Keys<CryptoKey>,
}

/// Which tab holds the register open (see the module's notes).
pub const TAB_KEY: &str = "bal/tab";

/// Why the records did not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockFailure {
    WrongPassphrase,
    /// One passphrase opened part: a change of passphrase did not finish.
    NeedsOther,
    Unavailable(String),
}

/// Why a change of passphrase was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockFailure {
    WrongPassphrase,
    Save(SaveError),
    Unavailable(String),
}

fn cipher() -> Result<WebCipher, String> {
    WebCipher::new().ok_or_else(|| "WebCrypto".to_string())
}

fn disk() -> Result<LocalStore, String> {
    LocalStore::open().ok_or_else(|| "local storage".to_string())
}

fn change_failure(e: ChangeError) -> LockFailure {
    match e {
        ChangeError::Storage(w) => LockFailure::Save(SaveError::Storage(w)),
        ChangeError::Crypto(c) => LockFailure::Unavailable(c.to_string()),
        ChangeError::NeedsKey => LockFailure::WrongPassphrase,
    }
}

impl AppState {
    /// The lock header of the real register, if a passphrase is set.
    pub fn lock_header(&self) -> Result<Option<Header>, vault::HeaderError> {
        LocalStore::open().map_or(Ok(None), |s| vault::read_header(&s, REAL))
    }

    /// Opens the records with `passphrase`. A wrong one changes nothing.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), UnlockFailure> {
        let cipher = cipher().map_err(UnlockFailure::Unavailable)?;
        let Ok(Some(header)) = self.lock_header() else {
            // The lock went meanwhile (another tab removed it).
            self.reload();
            return Ok(());
        };
        let mut keys = self
            .partial_keys
            .try_update_value(|k| k.take())
            .flatten()
            .unwrap_or_default();
        match vault::unlock(&cipher, &header, passphrase, &mut keys).await {
            Ok(()) => {}
            Err(UnlockError::WrongPassphrase) => {
                self.partial_keys.set_value(Some(keys));
                return Err(UnlockFailure::WrongPassphrase);
            }
            Err(UnlockError::Crypto(e)) => return Err(UnlockFailure::Unavailable(e.to_string())),
        }
        if keys.missing(&header) > 0 {
            self.partial_keys.set_value(Some(keys));
            return Err(UnlockFailure::NeedsOther);
        }
        self.open_sealed(header, keys)
            .await
            .map_err(UnlockFailure::Unavailable)
    }

    /// Reads the sealed register into memory with `keys`, finishes a change
    /// of lock left half-way, and shows it.
    pub(super) async fn open_sealed(
        &self,
        mut header: Header,
        keys: Keys<CryptoKey>,
    ) -> Result<(), String> {
        let cipher = cipher()?;
        let mut disk = disk()?;
        if header.task.is_some() {
            if let Err(e) = vault::finish(&cipher, &mut disk, REAL, &mut header, &keys).await {
                self.notify(
                    NoticeKind::Error,
                    self.change_error_text(&change_failure(e)),
                );
            }
            if vault::read_header(&disk, REAL).ok().flatten().is_none() {
                // The task was to remove the lock, and it is done.
                self.reload();
                return Ok(());
            }
        }
        let mem = match vault::load(&cipher, &disk, REAL, &keys).await {
            Ok(mem) => mem,
            Err(LoadError::NeedsKey) => return Err("a key is missing".into()),
            Err(LoadError::Crypto(e)) => return Err(e.to_string()),
        };
        let opened = Repo::open(Store::Sealed(Journal::new(mem)), REAL, random_device_tag);
        let Ok((repo, reg, report)) = opened else {
            self.notify(NoticeKind::Error, self.text(Msg::NewerFormat).into());
            return Ok(());
        };
        self.vault.set_value(Some(Vault { header, keys }));
        self.claim_tab();
        self.show(repo, reg, &report);
        self.lock.set(LockState::Unlocked);
        self.touch();
        Ok(())
    }

    /// Marks this tab as the one holding the register open; the others
    /// lock when they see it.
    fn claim_tab(&self) {
        if let Some(mut s) = LocalStore::open() {
            let _ = s.set(TAB_KEY, &self.tab.get_value());
        }
    }

    /// Another tab wrote `bal/tab`: lock here if it is not this tab.
    pub fn other_tab_unlocked(&self, tab: Option<String>) {
        if self.lock.get_untracked() == LockState::Unlocked
            && tab.is_some_and(|t| t != self.tab.get_value())
        {
            self.lock_now();
            self.notify(NoticeKind::Info, self.text(Msg::LockedByOtherTab).into());
        }
    }

    /// Locks once every saved change is written: the records leave memory,
    /// with the notices (which may name a child).
    pub fn lock_now(&self) {
        if self.vault.with_value(Option::is_none) {
            return;
        }
        let app = *self;
        spawn_local(async move {
            app.wait_saved().await;
            app.repo.set_value(None);
            app.vault.set_value(None);
            app.partial_keys.set_value(None);
            app.register.set(Register::default());
            app.notices.set(Vec::new());
            app.backup_taken.set(None);
            app.lock.set(LockState::Locked);
        });
    }

    /// Notes that the volunteer did something (for the idle lock).
    pub fn touch(&self) {
        self.last_active.set_value(js_sys::Date::now());
    }

    /// Locks when the idle time chosen in settings has passed.
    pub fn lock_if_idle(&self) {
        if self.lock.get_untracked() != LockState::Unlocked {
            return;
        }
        let minutes = self.settings.with_untracked(|s| s.lock_after());
        let idle_ms = js_sys::Date::now() - self.last_active.get_value();
        if idle_ms >= f64::from(minutes) * 60_000.0 {
            self.lock_now();
        }
    }

    /// Queues a commit's sealed writes (nothing when there is no lock).
    pub(super) fn flush_later(&self) {
        let ops = self
            .repo
            .try_update_value(|r| r.as_mut().map(|r| r.store_mut().take_ops()))
            .flatten()
            .unwrap_or_default();
        if ops.is_empty() {
            return;
        }
        self.queue.update_value(|q| q.push_back(ops));
        self.saving.update(|n| *n += 1);
        if !self.flushing.get_value() {
            self.flushing.set_value(true);
            let app = *self;
            spawn_local(async move { app.drain().await });
        }
    }

    /// Writes the queued commits one after another, each sealed whole
    /// before any of it is written.
    async fn drain(self) {
        while let Some(ops) = self.queue.try_update_value(|q| q.pop_front()).flatten() {
            let sealing = self
                .vault
                .with_value(|v| v.as_ref().and_then(|v| v.keys.sealing(&v.header)));
            let outcome = match (sealing, cipher(), disk()) {
                (Some((id, key)), Ok(cipher), Ok(mut disk)) => {
                    vault::flush(&cipher, &mut disk, (id, &key), ops)
                        .await
                        .map_err(|e| match e {
                            vault::FlushError::Storage(w) => SaveError::Storage(w),
                            vault::FlushError::Crypto(c) => {
                                SaveError::Storage(WriteError::Refused(c.to_string()))
                            }
                        })
                }
                _ => Err(SaveError::ReadOnly),
            };
            match outcome {
                Ok(()) => self.saving.update(|n| *n = n.saturating_sub(1)),
                Err(e) => {
                    // What was not written is dropped; the register is shown
                    // as storage holds it.
                    self.queue.update_value(|q| q.clear());
                    self.saving.set(0);
                    let why = super::state::save_error_text(self.lang(), &e);
                    let text =
                        crate::i18n::fill(self.text(Msg::NotSavedReloaded), &[("reason", &why)]);
                    let keys = self.vault.try_update_value(|v| v.take()).flatten();
                    if let Some(Vault { header, keys }) = keys {
                        if let Err(why) = self.open_sealed(header, keys).await {
                            self.notify(NoticeKind::Error, why);
                        }
                    }
                    self.notify(NoticeKind::Error, text);
                }
            }
        }
        self.flushing.set_value(false);
    }

    /// Waits until every queued change is written.
    pub async fn wait_saved(&self) {
        while self.flushing.get_value() || self.saving.get_untracked() > 0 {
            crate::ui::files::next_frame().await;
        }
    }

    /// Checks `passphrase` against the lock, without changing anything.
    async fn keys_for(&self, passphrase: &str) -> Result<(Header, Keys<CryptoKey>), LockFailure> {
        let cipher = cipher().map_err(LockFailure::Unavailable)?;
        let header = self
            .vault
            .with_value(|v| v.as_ref().map(|v| v.header.clone()))
            .ok_or(LockFailure::WrongPassphrase)?;
        let mut keys = Keys::new();
        match vault::unlock(&cipher, &header, passphrase, &mut keys).await {
            Ok(()) if keys.missing(&header) == 0 => Ok((header, keys)),
            Ok(()) | Err(UnlockError::WrongPassphrase) => Err(LockFailure::WrongPassphrase),
            Err(UnlockError::Crypto(e)) => Err(LockFailure::Unavailable(e.to_string())),
        }
    }

    /// Sets a passphrase: every value of the register is sealed with it.
    pub async fn set_passphrase(&self, passphrase: &str) -> Result<(), LockFailure> {
        let cipher = cipher().map_err(LockFailure::Unavailable)?;
        let mut disk = disk().map_err(LockFailure::Unavailable)?;
        self.busy.set(true);
        let outcome = vault::set_passphrase(&cipher, &mut disk, REAL, passphrase).await;
        let result = match outcome {
            Ok((header, keys)) => self
                .open_sealed(header, keys)
                .await
                .map_err(LockFailure::Unavailable),
            Err(e) => {
                // Storage is readable as it was left; the next unlock with
                // this passphrase finishes the sealing.
                self.reload();
                Err(change_failure(e))
            }
        };
        self.busy.set(false);
        result
    }

    /// Changes the passphrase: every value is sealed again with the new one.
    pub async fn change_passphrase(&self, current: &str, new: &str) -> Result<(), LockFailure> {
        let (header, keys) = self.keys_for(current).await?;
        let cipher = cipher().map_err(LockFailure::Unavailable)?;
        let mut disk = disk().map_err(LockFailure::Unavailable)?;
        self.busy.set(true);
        self.wait_saved().await;
        let outcome = vault::change_passphrase(&cipher, &mut disk, REAL, &header, &keys, new).await;
        let result = match outcome {
            Ok((header, keys)) => {
                self.vault.set_value(Some(Vault { header, keys }));
                Ok(())
            }
            Err(e) => {
                self.busy.set(false);
                self.lock_now();
                Err(change_failure(e))
            }
        };
        self.busy.set(false);
        result
    }

    /// Removes the passphrase: the register is stored plain again.
    pub async fn remove_passphrase(&self, current: &str) -> Result<(), LockFailure> {
        let (header, keys) = self.keys_for(current).await?;
        let cipher = cipher().map_err(LockFailure::Unavailable)?;
        let mut disk = disk().map_err(LockFailure::Unavailable)?;
        self.busy.set(true);
        self.wait_saved().await;
        let outcome = vault::remove_passphrase(&cipher, &mut disk, REAL, &header, &keys).await;
        self.vault.set_value(None);
        self.busy.set(false);
        match outcome {
            Ok(()) => {
                self.reload();
                Ok(())
            }
            Err(e) => {
                self.lock.set(LockState::Unlocked);
                self.vault.set_value(Some(Vault { header, keys }));
                self.lock_now();
                Err(change_failure(e))
            }
        }
    }

    /// The words for a failed change of lock.
    pub fn change_error_text(&self, e: &LockFailure) -> String {
        match e {
            LockFailure::WrongPassphrase => self.text(Msg::WrongPassphrase).into(),
            LockFailure::Save(e) => super::state::save_error_text(self.lang(), e),
            LockFailure::Unavailable(why) => {
                crate::i18n::fill(self.text(Msg::CryptoUnavailable), &[("reason", why)])
            }
        }
    }

    /// Erases everything the app keeps in this browser: local and session
    /// storage (both registers, settings, backups, the lock), the cached
    /// files and the service worker. The page then says so; nothing is
    /// written again.
    pub async fn forget_device(&self) {
        self.wait_saved().await;
        self.repo.set_value(None);
        self.vault.set_value(None);
        self.queue.update_value(|q| q.clear());
        self.register.set(Register::default());
        self.notices.set(Vec::new());
        let window = window();
        if let Ok(Some(s)) = window.local_storage() {
            let _ = s.clear();
        }
        if let Ok(Some(s)) = window.session_storage() {
            let _ = s.clear();
        }
        if let Ok(caches) = window.caches() {
            if let Ok(keys) = wasm_bindgen_futures::JsFuture::from(caches.keys()).await {
                for name in js_sys::Array::from(&keys).iter() {
                    if let Some(name) = name.as_string() {
                        let _ = wasm_bindgen_futures::JsFuture::from(caches.delete(&name)).await;
                    }
                }
            }
        }
        let container = window.navigator().service_worker();
        if let Ok(list) = wasm_bindgen_futures::JsFuture::from(container.get_registrations()).await
        {
            for registration in js_sys::Array::from(&list).iter() {
                let registration: web_sys::ServiceWorkerRegistration =
                    registration.unchecked_into();
                if let Ok(p) = registration.unregister() {
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                }
            }
        }
        self.forgotten.set(true);
    }
}

impl From<CryptoError> for LockFailure {
    fn from(e: CryptoError) -> Self {
        LockFailure::Unavailable(e.to_string())
    }
}
