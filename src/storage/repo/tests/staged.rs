//! A commit in two halves, framing done in between (as worker threads do).

use super::*;
use crate::storage::codec;

/// Stages a new person, to be framed and written by the caller.
fn stage_one(repo: &mut Repo<MemoryStore>, reg: &mut Register, name: &str) -> (Staged, Touched) {
    let who = author(repo);
    let mut edit = Edit::new(reg, repo.ids_mut(), who);
    edit.add_person(child(name)).unwrap();
    let touched = edit.touched();
    (repo.stage(reg, &touched), touched)
}

fn framed(staged: &mut Staged) -> Vec<Option<String>> {
    codec::frame_each(&std::mem::take(&mut staged.bodies))
}

#[test]
fn bodies_framed_apart_commit_like_a_plain_commit() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    add(&mut repo, &mut reg, &["Asha"]).unwrap();
    let (mut plain, mut plain_reg, _) = open(repo.store().clone());
    add(&mut plain, &mut plain_reg, &["Mina"]).unwrap();

    let (mut staged, _) = stage_one(&mut repo, &mut reg, "Mina");
    let texts = framed(&mut staged);
    repo.commit_framed(staged, texts).unwrap();

    assert_eq!(repo.store().items, plain.store().items);
    let (_, again, _) = open(repo.store().clone());
    assert_eq!(names(&again), ["Asha", "Mina"]);
}

#[test]
fn a_stage_overtaken_by_another_commit_writes_nothing() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    let (mut staged, touched) = stage_one(&mut repo, &mut reg, "Mina");
    let texts = framed(&mut staged);
    repo.revert(&mut reg, &touched);
    add(&mut repo, &mut reg, &["Asha"]).unwrap();
    let before = repo.store().items.clone();

    assert!(matches!(
        repo.commit_framed(staged, texts),
        Err(WriteError::Refused(_))
    ));
    assert_eq!(repo.store().items, before);
    let (_, again, _) = open(repo.store().clone());
    assert_eq!(names(&again), ["Asha"]);
}

#[test]
fn texts_that_do_not_match_the_bodies_write_nothing() {
    let (mut repo, mut reg, _) = open(MemoryStore::default());
    let (mut staged, _) = stage_one(&mut repo, &mut reg, "Mina");
    let mut texts = framed(&mut staged);
    texts.push(None);
    let before = repo.store().items.clone();

    assert!(repo.commit_framed(staged, texts).is_err());
    assert_eq!(repo.store().items, before);
}

#[test]
fn a_stage_overtaken_by_another_tab_writes_nothing() {
    let (mut tab_a, mut reg_a, _) = open(MemoryStore::default());
    add(&mut tab_a, &mut reg_a, &["Asha"]).unwrap();
    let (mut tab_b, mut reg_b, _) = open(tab_a.store().clone());
    let (mut staged, _) = stage_one(&mut tab_a, &mut reg_a, "Mina");
    let texts = framed(&mut staged);
    // Tab B commits while tab A's chunks are being framed; tab A has not
    // heard of it yet.
    add(&mut tab_b, &mut reg_b, &["From B"]).unwrap();
    tab_a.kv = tab_b.store().clone();

    assert!(matches!(
        tab_a.commit_framed(staged, texts),
        Err(WriteError::Refused(_))
    ));
    let (_, again, _) = open(tab_a.store().clone());
    assert_eq!(names(&again), ["Asha", "From B"]);
}
