//! Generates a data set and shows what it looks like: counts, the time it
//! took, and a few records of each kind as JSON.
//!
//! ```text
//! cargo run --release --example sample_data             # the state-scale set
//! cargo run --release --example sample_data -- 10       # seed documents at 10%
//! ```

use bal_register::domain::generate::{generate, Scale, Spec};
use bal_register::domain::register::Kind;
use std::time::Instant;

fn main() {
    let spec = match std::env::args().nth(1) {
        Some(percent) => {
            Spec::seed_documents(Scale::percent(percent.parse().expect("a percentage")))
        }
        None => Spec::state_scale(),
    };
    let started = Instant::now();
    let reg = generate(&spec).expect("a valid spec");
    let took = started.elapsed();
    for kind in Kind::ALL {
        println!("{:>12}: {:>7}", kind.name(), reg.live_count(kind));
    }
    let marks: usize = reg
        .meetings
        .live()
        .map(|(_, m)| m.attendance.expected())
        .sum();
    println!("{:>12}: {marks:>7}", "marks");
    println!("generated in {:.3} s", took.as_secs_f64());
    let show = |json: serde_json::Value| println!("{}", serde_json::to_string(&json).unwrap());
    for (_, p) in reg.people.live().skip(1).step_by(997).take(8) {
        show(serde_json::to_value(p).unwrap());
    }
    for (_, p) in reg.places.live().step_by(101).take(6) {
        show(serde_json::to_value(p).unwrap());
    }
    for (_, g) in reg.groups.live().take(2) {
        show(serde_json::to_value(g).unwrap());
    }
    for (_, m) in reg.memberships.live().take(3) {
        show(serde_json::to_value(m).unwrap());
    }
    for (_, m) in reg.meetings.live().take(2) {
        show(serde_json::to_value(m).unwrap());
    }
}
