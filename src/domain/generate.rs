//! Realistic data sets at any scale, made from a seed alone: the groups of
//! the seed documents (Balasabhas in four states, auxiliary groups in
//! Thiruvananthapuram, the Rajasthan ashrams and centre) with their places,
//! members, mentors, memberships and meetings with attendance.
//!
//! Used to measure storage and speed at state scale, and for tests. Every
//! record respects the domain's rules (joining ages and sexes, group
//! capacity, one role each, meeting rosters are the members on the day), so
//! a generated register behaves like one typed in by volunteers. A data set
//! is its own "device": its ids carry a device tag derived from the seed.
//!
//! ```
//! use bal_register::domain::generate::{generate, Scale, Spec};
//! let reg = generate(&Spec::seed_documents(Scale::per_mille(2))).unwrap();
//! assert!(reg.meetings.live_count() > 0);
//! ```

mod groups;
mod meetings;
mod names;
mod people;
mod places;
mod protection;
mod regions;
mod rng;
#[cfg(test)]
mod tests;

pub use regions::Region;

use super::id::{DeviceTag, Id, IdGen};
use super::programme::Rules;
use super::register::Register;
use super::rhythm::Month;
use super::seed::{
    self, AUXILIARY_GROUP, BALASABHA, BALIKA_ASHRAM, BAL_ASHRAM, BANJARA_EDUCATION_CENTRE,
};
use super::table::Author;
use super::time::Timestamp;
use chrono::NaiveDate;
use groups::GroupMaker;
use people::{Band, PersonMaker};
use places::Gazetteer;
use rng::Rng;

/// A fraction of the seed documents' numbers, in thousandths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    per_mille: u32,
}

impl Scale {
    pub const FULL: Scale = Scale { per_mille: 1000 };

    pub fn percent(percent: u32) -> Scale {
        Scale {
            per_mille: percent * 10,
        }
    }

    pub fn per_mille(per_mille: u32) -> Scale {
        Scale { per_mille }
    }

    /// `n` at this scale, rounded to the nearest whole number.
    pub fn of(self, n: u32) -> u32 {
        ((u64::from(n) * u64::from(self.per_mille) + 500) / 1000) as u32
    }
}

/// Where a cohort's groups are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// Over the region's districts, blocks and villages.
    Spread,
    /// All in one village (an ashram, a centre).
    At {
        district: &'static str,
        block: &'static str,
        village: &'static str,
    },
}

/// Groups of one programme in one region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cohort {
    pub region: Region,
    /// A built-in programme (see `domain::seed`).
    pub programme: Id,
    pub groups: u32,
    /// Members of all the groups together today; each is one person.
    pub members: u32,
    /// Villages or wards the groups meet in (at most one per group).
    pub villages: u32,
    pub site: Site,
}

impl Cohort {
    /// Groups spread over a region, one village each.
    pub fn spread(region: Region, programme: Id, groups: u32, members: u32) -> Cohort {
        Cohort {
            region,
            programme,
            groups,
            members,
            villages: groups,
            site: Site::Spread,
        }
    }

    /// One group in one village.
    pub fn at(region: Region, programme: Id, members: u32, site: Site) -> Cohort {
        Cohort {
            villages: 1,
            site,
            ..Cohort::spread(region, programme, 1, members)
        }
    }

    /// The groups of the seed documents. The ashrams' and the centre's sizes
    /// are not in the documents; these are plausible.
    pub fn seed_documents() -> Vec<Cohort> {
        let viratnagar = Site::At {
            district: "Kotputli-Behror",
            block: "Viratnagar",
            village: "Viratnagar",
        };
        let bhangdoli = Site::At {
            district: "Alwar",
            block: "Thanagazi",
            village: "Bhangdoli",
        };
        vec![
            Cohort::spread(Region::Tripura, BALASABHA, 125, 1_529),
            Cohort::spread(Region::Assam, BALASABHA, 1_150, 17_250),
            Cohort::spread(Region::Jharkhand, BALASABHA, 2_900, 41_290),
            Cohort::spread(Region::Manipur, BALASABHA, 20, 300),
            Cohort {
                villages: 1_546,
                ..Cohort::spread(Region::Kerala, AUXILIARY_GROUP, 1_550, 25_823)
            },
            Cohort::at(Region::Rajasthan, BAL_ASHRAM, 60, viratnagar),
            Cohort::at(Region::Rajasthan, BANJARA_EDUCATION_CENTRE, 40, bhangdoli),
            Cohort::at(Region::Rajasthan, BALIKA_ASHRAM, 30, viratnagar),
        ]
    }

    /// This cohort at `scale`: at least one group, and at least as many
    /// members as groups when it had that many.
    pub fn scaled(self, scale: Scale) -> Cohort {
        let groups = scale.of(self.groups).max(1);
        let members = scale.of(self.members);
        let members = if self.members >= self.groups {
            members.max(groups)
        } else {
            members
        };
        Cohort {
            groups,
            members,
            villages: scale.of(self.villages).clamp(1, groups),
            ..self
        }
    }
}

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    pub seed: u64,
    /// The day the data set is as of: nothing in it happens later.
    pub today: NaiveDate,
    /// Whole months of meetings, ending with the month before `today`'s.
    pub months: u32,
    /// Meetings a month for programmes whose rules set no number.
    pub meetings_per_month: u8,
    pub cohorts: Vec<Cohort>,
}

/// The day generated data sets are as of unless told otherwise.
pub fn default_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("a real date")
}

impl Spec {
    /// The given cohorts, with a year of meetings twice a month.
    pub fn new(cohorts: Vec<Cohort>) -> Spec {
        Spec {
            seed: 2026,
            today: default_today(),
            months: 12,
            meetings_per_month: 2,
            cohorts,
        }
    }

    /// The seed documents' groups, every count at `scale`.
    pub fn seed_documents(scale: Scale) -> Spec {
        let cohorts = Cohort::seed_documents();
        Spec::new(cohorts.into_iter().map(|c| c.scaled(scale)).collect())
    }

    /// The state-scale register: Jharkhand's Balasabhas, 41,290 children in
    /// 2,900 groups, with a year of meetings twice a month.
    pub fn state_scale() -> Spec {
        Spec::new(vec![Cohort::spread(
            Region::Jharkhand,
            BALASABHA,
            2_900,
            41_290,
        )])
    }

    /// The Balasabhas of the seed documents at full size (Tripura, Assam,
    /// Jharkhand and Manipur: 60,369 children in 4,195 groups), with
    /// `months` of meetings: the figures a demonstration reads off the
    /// dashboard's roll-up.
    pub fn balasabhas(months: u32) -> Spec {
        let cohorts = Cohort::seed_documents()
            .into_iter()
            .filter(|c| c.programme == BALASABHA)
            .collect();
        Spec {
            months,
            ..Spec::new(cohorts)
        }
    }

    pub fn with_seed(self, seed: u64) -> Spec {
        Spec { seed, ..self }
    }

    /// The device tag of this data set's ids.
    pub fn device(&self) -> DeviceTag {
        DeviceTag::from_random(rng::mix(self.seed ^ 0x6261_6c2d_6765_6e00))
    }

    /// How many records of each sort the data set will have.
    pub fn expected(&self) -> Result<Counts, SpecError> {
        let mut counts = Counts::default();
        for (i, c) in self.cohorts.iter().enumerate() {
            let rules = self.rules_of(i, c)?;
            counts.groups += c.groups;
            counts.memberships += c.members;
            counts.people += c.members + c.groups;
            counts.meetings += c.groups * self.months * u32::from(self.per_month(&rules));
        }
        Ok(counts)
    }

    fn per_month(&self, rules: &Rules) -> u8 {
        rules.meetings_per_month.unwrap_or(self.meetings_per_month)
    }

    fn rules_of(&self, index: usize, c: &Cohort) -> Result<Rules, SpecError> {
        let (_, programme) = seed::programmes()
            .into_iter()
            .find(|(id, _)| *id == c.programme)
            .ok_or(SpecError::UnknownProgramme(c.programme))?;
        let rules = programme.rules;
        let cap = rules.max_members.map_or(u32::MAX, u32::from);
        if c.members > c.groups.saturating_mul(cap) {
            return Err(SpecError::TooManyMembers { cohort: index, cap });
        }
        if c.villages == 0 || c.villages > c.groups.max(1) {
            return Err(SpecError::Villages { cohort: index });
        }
        Ok(rules)
    }
}

/// Records of each sort in a data set (besides places and programmes), as
/// of the data set's day: the members who left during the year (about one
/// in fifty) come on top of these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub groups: u32,
    /// Members today, and mentors.
    pub people: u32,
    /// Memberships of members today (a trainee who completed her course
    /// counts: she was a member until she did).
    pub memberships: u32,
    pub meetings: u32,
}

/// A spec that cannot be generated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecError {
    /// Not a built-in programme.
    UnknownProgramme(Id),
    /// More members than the groups may hold.
    TooManyMembers { cohort: usize, cap: u32 },
    /// No village, or more villages than groups.
    Villages { cohort: usize },
    /// More records than one device can number (16 million).
    IdsExhausted,
}

impl From<super::id::IdsExhausted> for SpecError {
    fn from(_: super::id::IdsExhausted) -> Self {
        SpecError::IdsExhausted
    }
}

/// Makes the register `spec` describes: the built-in programmes, then the
/// places, then group by group its mentor, members, memberships and meetings.
pub fn generate(spec: &Spec) -> Result<Register, SpecError> {
    let all_rules: Vec<Rules> = (spec.cohorts.iter().enumerate())
        .map(|(i, c)| spec.rules_of(i, c))
        .collect::<Result<_, _>>()?;
    let mut reg = Register::default();
    reg.add_missing_built_ins();
    let device = spec.device();
    let mut ids = IdGen::new(device);
    let root = Rng::new(spec.seed);
    let mut first_month = Month::of(spec.today);
    for _ in 0..spec.months {
        first_month = first_month.previous();
    }
    let places_made = first_month.first_day() - chrono::Days::new(4 * 365);
    let author = Author {
        device,
        now: Timestamp::from_datetime(places_made.and_hms_opt(8, 0, 0).expect("8:00").and_utc()),
    };
    let mut gazetteer = Gazetteer::new(&mut reg.places, &mut ids, author);
    let villages: Vec<_> = (spec.cohorts.iter())
        .map(|c| gazetteer.villages(c.region, c.site, c.villages))
        .collect::<Result<_, _>>()?;

    for (index, (cohort, rules)) in spec.cohorts.iter().zip(&all_rules).enumerate() {
        let mut rng = root.fork(index as u64);
        let programme_name = seed::programmes()
            .into_iter()
            .find(|(id, _)| *id == cohort.programme)
            .map(|(_, p)| p.name)
            .unwrap_or_default();
        let cap = rules.max_members.map_or(u32::MAX, u32::from);
        let sizes = group_sizes(&mut rng, cohort.members, cohort.groups, cap);
        let mut maker = GroupMaker {
            reg: &mut reg,
            ids: &mut ids,
            device,
            people: PersonMaker {
                info: cohort.region.info(),
                today: spec.today,
            },
            programme: cohort.programme,
            rules,
            band: Band::of(cohort.programme, rules),
            months: spec.months,
            per_month: spec.per_month(rules),
            first_month,
            today: spec.today,
        };
        let places = &villages[index];
        for (g, &size) in sizes.iter().enumerate() {
            let village = &places[g % places.len()];
            let mut name = format!("{} {programme_name}", village.name);
            if g >= places.len() {
                name.push_str(&format!(" {}", g / places.len() + 1));
            }
            maker.group(
                &mut root.fork(index as u64).fork(g as u64),
                name,
                village,
                size,
            )?;
        }
    }
    let mut rng = root.fork(u64::MAX);
    protection::add(&mut reg, &mut ids, device, &mut rng, spec.today)?;
    Ok(reg)
}

/// `total` members split over `groups` groups of different sizes (about
/// half to one and a half times the mean), none over `cap`.
fn group_sizes(rng: &mut Rng, total: u32, groups: u32, cap: u32) -> Vec<u32> {
    let groups = groups.max(1);
    let (mean, extra) = (total / groups, total % groups);
    let mut sizes: Vec<u32> = (0..groups).map(|i| mean + u32::from(i < extra)).collect();
    let (low, high) = (mean / 2, (mean + mean / 2 + 1).min(cap));
    for _ in 0..groups * 2 {
        let (from, to) = (rng.below(groups) as usize, rng.below(groups) as usize);
        let moved = rng.below(mean / 3 + 1);
        if from != to && sizes[from] >= low + moved && sizes[to] + moved <= high {
            sizes[from] -= moved;
            sizes[to] += moved;
        }
    }
    sizes
}
