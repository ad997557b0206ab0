//! Generated registers written as exchange files, as a coordinator would
//! receive them from the field, to be taken in through the app's import page.
//! The app's own generator and export are used natively, so the file is
//! exactly what the app writes, and the test knows every record in it.

use bal_register::domain::generate::{generate, Spec};
use bal_register::domain::id::Id;
use bal_register::domain::name_index::NameIndex;
use bal_register::domain::register::{Kind, Register};
use bal_register::domain::text::Query;
use bal_register::domain::time::Timestamp;
use bal_register::exchange::envelope::Scope;
use bal_register::exchange::export::export;
use std::path::{Path, PathBuf};

pub use bal_register::storage::usage::CHROME_QUOTA_UNITS;

/// A generated register and the exchange file holding all of it.
pub struct DataSet {
    pub register: Register,
    pub file: PathBuf,
    /// The file's text in UTF-16 code units, as local storage would count it.
    pub units: usize,
}

impl DataSet {
    /// Generates the register `spec` describes and writes it, all of it, as
    /// an exchange file at `file`.
    pub fn write(spec: &Spec, file: &Path) -> DataSet {
        let register = generate(spec).expect("a spec the generator accepts");
        let noon = spec.today.and_hms_opt(12, 0, 0).expect("noon").and_utc();
        let text = export(
            &register,
            Scope::All,
            Timestamp::from_datetime(noon),
            spec.device(),
        )
        .expect("everything exports");
        std::fs::write(file, &text)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
        DataSet {
            register,
            file: file.to_path_buf(),
            units: text.encode_utf16().count(),
        }
    }

    /// Live records of a kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.register.live_count(kind)
    }

    /// Every live person's id and full name, as the people list shows it.
    pub fn people(&self) -> Vec<(Id, String)> {
        self.register
            .people
            .live()
            .map(|(id, p)| (id, p.full_name()))
            .collect()
    }

    /// A few people spread over the register, about half of them with
    /// names in Latin letters and half in the state's script.
    pub fn sample_people(&self, wanted: usize) -> Vec<(Id, String)> {
        let (latin, native): (Vec<_>, Vec<_>) =
            self.people().into_iter().partition(|(_, n)| n.is_ascii());
        let spread = |v: Vec<(Id, String)>, n: usize| {
            let stride = (v.len() / n.max(1)).max(1);
            v.into_iter().step_by(stride).take(n).collect::<Vec<_>>()
        };
        let mut sample = spread(native, wanted - wanted / 2);
        sample.extend(spread(latin, wanted / 2));
        sample
    }

    /// How many people the people list finds for `query` (the app's own
    /// search, run natively on the same records).
    pub fn search_count(&self, query: &str) -> usize {
        let index = NameIndex::build(&self.register.people);
        index.search(&Query::new(query)).count()
    }
}
