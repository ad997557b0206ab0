//! Properties of merging, checked over many generated registers: importing
//! twice is importing once, and two devices that exchange files end up with
//! the same register.

use super::generator::{shared_start, Device, Rng, Share};
use crate::domain::id::Id;
use crate::domain::register::Kind;
use crate::exchange::any_record::{ids_in, AnyRecord};
use crate::exchange::integrity::issues;
use crate::exchange::merge::Choice;

const SEEDS: u64 = 40;

/// The answer both tests give to a conflict: the same for the same record.
fn rule(id: Id) -> Choice {
    if id.seq() % 2 == 0 {
        Choice::KeepMine
    } else {
        Choice::TakeTheirs
    }
}

fn tombstones(d: &Device) -> Vec<(Kind, Id)> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        for id in ids_in(&d.reg, kind) {
            if AnyRecord::from_register(&d.reg, kind, id).is_some_and(|r| r.is_deleted()) {
                out.push((kind, id));
            }
        }
    }
    out
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() {
    let mut answered = 0;
    for seed in 0..SEEDS {
        let (mut a, mut b) = shared_start(seed, 1, 2);
        let mut rng = Rng::new(seed + 1000);
        a.change(&mut rng, 15, Share::All);
        b.change(&mut rng, 15, Share::All);
        let file = a.export();
        answered += super::preview_of(&b.reg, &file).conflicts.len();
        b.import(&file, rule);
        let once = b.reg.clone();
        let again = super::preview_of(&b.reg, &file);
        assert!(again.changes_nothing(), "seed {seed}: {:?}", again.counts());
        b.import(&file, rule);
        assert_eq!(b.reg, once, "seed {seed}");
    }
    assert!(answered > 0, "the generator should make conflicts");
}

#[test]
fn a_devices_own_file_changes_nothing_on_it() {
    for seed in 0..SEEDS {
        let (mut a, _) = shared_start(seed, 1, 2);
        a.change(&mut Rng::new(seed), 10, Share::All);
        let p = super::preview_of(&a.reg, &a.export());
        assert!(p.changes_nothing() && p.invalid.is_empty(), "seed {seed}");
    }
}

#[test]
fn devices_that_changed_different_records_converge_after_one_exchange() {
    let mut deletions = 0;
    for seed in 0..SEEDS {
        let (mut a, mut b) = shared_start(seed, 1, 2);
        let mut rng = Rng::new(seed + 2000);
        a.change(&mut rng, 20, Share::Side(0));
        b.change(&mut rng, 20, Share::Side(1));
        let deleted = [tombstones(&a), tombstones(&b)].concat();
        deletions += deleted.len();
        let (file_a, file_b) = (a.export(), b.export());
        for (p, who) in [
            (super::preview_of(&a.reg, &file_b), "A"),
            (super::preview_of(&b.reg, &file_a), "B"),
        ] {
            assert_eq!(p.conflicts.len(), 0, "seed {seed} on {who}");
            assert!(
                p.invalid.is_empty(),
                "seed {seed} on {who}: {:?}",
                p.invalid
            );
        }
        a.import(&file_b, |_| unreachable!());
        b.import(&file_a, |_| unreachable!());
        assert_eq!(a.reg, b.reg, "seed {seed}");
        for (kind, id) in deleted {
            let record = AnyRecord::from_register(&a.reg, kind, id).unwrap();
            assert!(record.is_deleted(), "seed {seed}: {kind:?} {id} came back");
        }
        assert_eq!(issues(&a.reg), vec![], "seed {seed}");
    }
    assert!(deletions > 0, "the generator should delete records");
}

#[test]
fn after_conflicts_are_answered_the_next_exchange_converges() {
    for seed in 0..SEEDS {
        let (mut a, mut b) = shared_start(seed, 1, 2);
        let mut rng = Rng::new(seed + 3000);
        a.change(&mut rng, 20, Share::All);
        b.change(&mut rng, 20, Share::All);
        a.import(&b.export(), rule);
        let back = super::preview_of(&b.reg, &a.export());
        assert_eq!(back.conflicts.len(), 0, "seed {seed}");
        b.import(&a.export(), |_| unreachable!());
        assert_eq!(a.reg, b.reg, "seed {seed}");
    }
}

#[test]
fn a_new_device_that_takes_in_a_full_file_holds_the_same_register() {
    for seed in 0..SEEDS {
        let (mut a, _) = shared_start(seed, 1, 2);
        a.change(&mut Rng::new(seed), 10, Share::All);
        let mut c = Device::new(3);
        c.import(&a.export(), |_| unreachable!());
        assert_eq!(c.reg, a.reg, "seed {seed}");
    }
}
