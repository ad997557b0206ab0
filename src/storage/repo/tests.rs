use super::*;
use crate::domain::edit::{Edit, Touched};
use crate::domain::id::Id;
use crate::domain::person::{fixtures::child, Person};
use crate::domain::table::Author;
use crate::domain::time::Timestamp;
use crate::storage::key_value::MemoryStore;

const NS: &str = "bal";

fn open(store: MemoryStore) -> (Repo<MemoryStore>, Register, LoadReport) {
    Repo::open(store, NS, || DeviceTag::from_random(0xD1)).expect("opens")
}

fn author(repo: &Repo<MemoryStore>) -> Author {
    Author {
        device: repo.meta().ids.device,
        now: Timestamp(1_764_300_000),
    }
}

/// Adds people and commits; returns their ids.
fn add(
    repo: &mut Repo<MemoryStore>,
    reg: &mut Register,
    names: &[&str],
) -> Result<Vec<Id>, WriteError> {
    let who = author(repo);
    let mut edit = Edit::new(reg, repo.ids_mut(), who);
    let ids: Vec<Id> = names
        .iter()
        .map(|n| edit.add_person(child(n)).unwrap())
        .collect();
    let touched = edit.touched();
    match repo.commit(reg, &touched) {
        Ok(()) => Ok(ids),
        Err(e) => {
            repo.revert(reg, &touched);
            Err(e)
        }
    }
}

fn names(reg: &Register) -> Vec<String> {
    let mut v: Vec<String> = reg
        .people
        .live()
        .map(|(_, p)| p.given_name.clone())
        .collect();
    v.sort();
    v
}

#[test]
fn a_new_store_opens_empty() {
    let (repo, reg, report) = open(MemoryStore::default());
    assert_eq!(reg.people.live_count(), 0);
    assert_eq!(report, LoadReport::default());
    assert_eq!(repo.meta().ids.device, DeviceTag::from_random(0xD1));
}

#[test]
fn committed_records_are_there_after_reopening() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    add(&mut repo, &mut reg, &["Asha", "സ്നേഹ", "सुनीता"]).unwrap();
    let (_, again, report) = open(repo.store().clone());
    assert_eq!(again, reg);
    assert!(report.damaged.is_empty());
}

#[test]
fn edits_and_deletions_are_kept() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    let ids = add(&mut repo, &mut reg, &["Asha", "Mina"]).unwrap();
    let who = author(&repo);
    let mut edit = Edit::new(&mut reg, repo.ids_mut(), who);
    edit.update_person(ids[0], child("Asha Rani")).unwrap();
    edit.delete_person(
        ids[1],
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    )
    .unwrap();
    let touched = edit.touched();
    repo.commit(&reg, &touched).unwrap();

    let (_, again, _) = open(repo.store().clone());
    assert_eq!(names(&again), vec!["Asha Rani"]);
    assert!(
        again.people.record(ids[1]).unwrap().is_deleted(),
        "the deletion is kept as a tombstone"
    );
}

#[test]
fn one_change_rewrites_one_chunk() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    let many: Vec<String> = (0..300).map(|i| format!("Child {i}")).collect();
    add(
        &mut repo,
        &mut reg,
        &many.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .unwrap();
    let before = repo.store().items.clone();
    add(&mut repo, &mut reg, &["One more"]).unwrap();
    let after = &repo.store().items;
    let changed = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(v))
        .count();
    assert_eq!(changed, 2, "the new chunk and the meta");
    let removed = before.keys().filter(|k| !after.contains_key(*k)).count();
    assert!(removed <= 1, "at most the superseded chunk is removed");
}

#[test]
fn a_failure_at_any_write_leaves_the_stored_register_as_it_was() {
    for fail_at in 0..4 {
        let (mut repo, mut reg, _) = open(MemoryStore::default());
        add(&mut repo, &mut reg, &["Asha", "Mina", "Ravi"]).unwrap();
        let saved = reg.clone();
        let mut store = repo.store().clone();
        store.fail_write_after = Some(fail_at);
        let (mut repo, mut reg, _) = open(store);
        let result = add(&mut repo, &mut reg, &["New 1", "New 2", "New 3", "New 4"]);
        if result.is_err() {
            assert_eq!(reg, saved, "memory reverted (fail at write {fail_at})");
            let (_, reopened, report) = open(repo.store().clone());
            assert_eq!(
                reopened, saved,
                "storage unchanged (fail at write {fail_at})"
            );
            assert!(report.damaged.is_empty());
        } else {
            assert_eq!(names(&reg).len(), 7);
        }
    }
}

#[test]
fn a_full_quota_is_reported_and_loses_nothing() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    add(&mut repo, &mut reg, &["Asha"]).unwrap();
    let saved = reg.clone();
    let mut store = repo.store().clone();
    store.quota = Some(store.used_units() + 50);
    let (mut repo, mut reg, _) = open(store);
    let big: Vec<String> = (0..50).map(|i| format!("Name {i}")).collect();
    let result = add(
        &mut repo,
        &mut reg,
        &big.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert_eq!(result, Err(WriteError::QuotaExceeded));
    assert_eq!(reg, saved);
    assert_eq!(open(repo.store().clone()).1, saved);
}

#[test]
fn a_damaged_chunk_is_reported_kept_and_the_rest_loads() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    let many: Vec<String> = (0..200).map(|i| format!("Child {i}")).collect();
    add(
        &mut repo,
        &mut reg,
        &many.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .unwrap();
    let mut store = repo.store().clone();
    let victim = store
        .items
        .keys()
        .find(|k| parse_chunk_key(NS, k).is_some())
        .unwrap()
        .clone();
    store
        .items
        .insert(victim.clone(), "{not what we wrote".into());

    let (mut repo, mut reg, report) = open(store);
    assert_eq!(report.damaged.len(), 1);
    assert_eq!(report.damaged[0].key, victim);
    let lost = 200 - reg.people.live_count();
    assert!(
        lost > 0 && lost < 20,
        "only that chunk's records are missing ({lost})"
    );

    // Saving more never overwrites or removes the damaged value.
    add(
        &mut repo,
        &mut reg,
        &(0..100).map(|_| "Later").collect::<Vec<_>>(),
    )
    .unwrap();
    assert_eq!(
        repo.store().items.get(&victim).map(String::as_str),
        Some("{not what we wrote")
    );
    assert_eq!(repo.meta().quarantine, vec![victim]);
}

#[test]
fn an_unreadable_meta_is_rebuilt_from_the_chunks() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    add(&mut repo, &mut reg, &["Asha", "Mina"]).unwrap();
    add(&mut repo, &mut reg, &["Ravi"]).unwrap();
    let mut store = repo.store().clone();
    store.items.insert(meta_key(NS), "garbage".into());
    let (_, again, report) = open(store);
    assert!(report.meta_rebuilt);
    assert_eq!(names(&again), names(&reg));
}

#[test]
fn a_register_from_a_newer_app_is_not_touched() {
    let mut store = MemoryStore::default();
    store
        .items
        .insert(meta_key(NS), r#"{"format": 99, "whatever": true}"#.into());
    let before = store.items.clone();
    let result = Repo::open(store.clone(), NS, || DeviceTag::from_random(1));
    assert_eq!(result.err(), Some(OpenError::NewerFormat { found: 99 }));
    assert_eq!(store.items, before);
}

#[test]
fn two_tabs_see_each_other_and_never_share_an_id() {
    let (mut tab_a, mut reg_a, _) = open(MemoryStore::default());
    add(&mut tab_a, &mut reg_a, &["Asha"]).unwrap();
    // Both tabs work on the same storage; here the store is shared by copying
    // it across after each commit, as the browser would.
    let (mut tab_b, mut reg_b, _) = open(tab_a.store().clone());
    let a_ids = add(&mut tab_a, &mut reg_a, &["From A"]).unwrap();

    tab_b.kv = tab_a.store().clone();
    assert!(tab_b.sync(&mut reg_b).unwrap());
    assert_eq!(names(&reg_b), names(&reg_a));
    let b_ids = add(&mut tab_b, &mut reg_b, &["From B"]).unwrap();
    assert_ne!(a_ids, b_ids);

    tab_a.kv = tab_b.store().clone();
    assert!(tab_a.sync(&mut reg_a).unwrap());
    assert_eq!(names(&reg_a), vec!["Asha", "From A", "From B"]);
    assert!(
        !tab_a.sync(&mut reg_a).unwrap(),
        "nothing new the second time"
    );
}

#[test]
fn namespaces_do_not_see_each_other() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    add(&mut repo, &mut reg, &["Real child"]).unwrap();
    let (_, demo, _) = Repo::open(repo.store().clone(), "bal-demo", || {
        DeviceTag::from_random(2)
    })
    .unwrap();
    assert_eq!(demo.people.live_count(), 0);
}

#[test]
fn ids_are_not_reused_when_the_counter_was_lost() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    let first = add(&mut repo, &mut reg, &["Asha", "Mina"]).unwrap();
    let mut store = repo.store().clone();
    let mut meta: Meta = serde_json::from_str(&store.items[&meta_key(NS)]).unwrap();
    meta.ids.next_seq = 1;
    store
        .items
        .insert(meta_key(NS), serde_json::to_string(&meta).unwrap());
    let (mut repo, mut reg, _) = open(store);
    let next = add(&mut repo, &mut reg, &["Ravi"]).unwrap();
    assert!(!first.contains(&next[0]));
    assert_eq!(reg.people.live_count(), 3);
}

#[test]
fn person_type_is_the_one_stored() {
    // Guards the dispatch tables: a person saved is a person loaded.
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    let ids = add(&mut repo, &mut reg, &["Asha"]).unwrap();
    let (_, again, _) = open(repo.store().clone());
    let p: &Person = again.people.get(ids[0]).unwrap();
    assert_eq!(p, &child("Asha"));
}

#[test]
fn a_groups_meetings_are_kept_in_the_groups_chunk_and_reload_whole() {
    use crate::domain::seed::AUXILIARY_GROUP;
    use crate::domain::testkit::{d, World};
    use crate::storage::layout::bucket_of_key;

    let mut w = World::new();
    let group = w.group(AUXILIARY_GROUP);
    let member = w.woman_aged(30);
    w.join(member, group, d(2026, 1, 5)).unwrap();
    let meetings: Vec<Id> = (1..=6)
        .map(|m| w.meet(group, d(2026, m, 10), &[]).unwrap())
        .collect();

    let (mut repo, _, _) = open(MemoryStore::default());
    let everything: Touched = Kind::ALL
        .into_iter()
        .flat_map(|k| table(&w.reg, k).ids().into_iter().map(move |id| (k, id)))
        .collect();
    repo.commit(&w.reg, &everything).unwrap();

    let meeting_buckets: Vec<Bucket> = repo.meta().chunks[&Kind::Meetings]
        .keys()
        .copied()
        .collect();
    assert_eq!(
        meeting_buckets,
        vec![bucket_of_key(group)],
        "all six meetings in one chunk"
    );
    let (_, again, report) = open(repo.store().clone());
    assert!(report.damaged.is_empty());
    assert_eq!(again.meetings, w.reg.meetings);
    assert_eq!(again.memberships, w.reg.memberships);
    assert_eq!(meetings.len(), again.meetings.live_count());
}

#[test]
fn a_register_saved_before_compression_opens_and_is_compressed_as_it_is_saved() {
    use crate::storage::codec;
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    let many: Vec<String> = (0..300).map(|i| format!("Child {i}")).collect();
    add(
        &mut repo,
        &mut reg,
        &many.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .unwrap();
    // Every chunk as the version before compression would have written it.
    let mut store = repo.store().clone();
    for (key, text) in store.items.iter_mut() {
        if parse_chunk_key(NS, key).is_some() {
            let records = codec::decode::<Person>(text).unwrap();
            *text = codec::encode_plain(&records.iter().collect::<Vec<_>>());
        }
    }
    let tags = |store: &MemoryStore| -> String {
        let chunks = store
            .items
            .iter()
            .filter(|(k, _)| parse_chunk_key(NS, k).is_some());
        chunks.map(|(_, v)| v.chars().next().unwrap()).collect()
    };
    assert!(tags(&store).chars().all(|t| t == 'A'));

    let (mut repo, mut reg, report) = open(store);
    assert_eq!(report, LoadReport::default(), "nothing damaged or rebuilt");
    assert_eq!(reg.people.live_count(), 300);
    add(&mut repo, &mut reg, &["Later"]).unwrap();
    let after = tags(repo.store());
    assert_eq!(after.matches('B').count(), 1, "the saved chunk: {after}");
    assert_eq!(open(repo.store().clone()).1, reg);
}

#[test]
fn an_import_can_be_undone_from_the_backup_taken_before_it() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    add(&mut repo, &mut reg, &["Before 1", "Before 2"]).unwrap();
    let before = reg.clone();
    repo.take_backup(Timestamp(1_764_300_000)).unwrap();
    let many: Vec<String> = (0..120).map(|i| format!("Imported {i}")).collect();
    add(
        &mut repo,
        &mut reg,
        &many.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .unwrap();
    assert_eq!(reg.people.live_count(), 122);

    // The backup survives reopening (and the sweep of old chunks).
    let (mut repo, _, _) = open(repo.store().clone());
    assert_eq!(
        repo.backup().map(|b| b.taken_at),
        Some(Timestamp(1_764_300_000))
    );
    let (restored, report) = repo.restore_backup().unwrap();
    assert!(report.damaged.is_empty());
    assert_eq!(restored.people, before.people);
    assert_eq!(repo.backup(), None, "used once");
    let (_, reopened, _) = open(repo.store().clone());
    assert_eq!(reopened.people, before.people);
    assert_eq!(repo.restore_backup().err(), Some(RestoreError::NoBackup));
}

#[test]
fn restoring_keeps_counting_ids_and_frees_what_only_the_backup_held() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    add(&mut repo, &mut reg, &["Asha"]).unwrap();
    repo.take_backup(Timestamp(1)).unwrap();
    let imported = add(&mut repo, &mut reg, &["Imported"]).unwrap();
    let (restored, _) = repo.restore_backup().unwrap();
    let mut reg = restored;
    let next = add(&mut repo, &mut reg, &["After"]).unwrap();
    assert_ne!(
        next, imported,
        "an undone import's ids are not handed out again"
    );

    repo.take_backup(Timestamp(2)).unwrap();
    add(&mut repo, &mut reg, &["Later"]).unwrap();
    let with_backup = repo.store().items.len();
    repo.drop_backup();
    assert!(
        repo.store().items.len() < with_backup,
        "chunks only the backup needed are freed"
    );
    let (_, reopened, report) = open(repo.store().clone());
    assert!(report.damaged.is_empty());
    assert_eq!(names(&reopened), vec!["After", "Asha", "Later"]);
}

/// An import or a demonstration saves every bucket of every kind in one
/// commit; the register opens from it whole, one chunk per bucket.
#[test]
fn a_whole_register_saved_in_one_commit_opens_the_same() {
    use crate::domain::generate::{generate, Scale, Spec};
    let reg = generate(&Spec::seed_documents(Scale::per_mille(5))).unwrap();
    let (mut repo, _, _) = open(MemoryStore::default());
    let mut everything = Touched::new();
    for kind in Kind::ALL {
        for id in table(&reg, kind).ids() {
            everything.insert((kind, id));
        }
    }
    repo.commit(&reg, &everything).unwrap();
    for kind in Kind::ALL {
        for bucket in 0..crate::storage::layout::BUCKETS {
            assert_eq!(
                repo.meta().chunk_gen(kind, bucket).is_some(),
                table(&reg, kind).encode_bucket(bucket).is_some(),
                "{kind:?} bucket {bucket} is stored if and only if it has records"
            );
        }
    }
    let (_, back, report) = open(repo.store().clone());
    assert_eq!(report, LoadReport::default());
    assert_eq!(back, reg);
}

mod staged;
