//! A small JSON Schema (draft 2020-12) checker, enough for the keywords
//! `docs/exchange-format.schema.json` uses. It refuses any keyword it does
//! not know, so a schema edit it cannot check fails loudly instead of
//! passing unchecked. Test code only: the app never checks files this way.

use serde_json::Value;

/// Keywords that only describe, and constrain nothing.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "$defs", "title", "description", "format"];

/// Every way `value` does not fit `schema`, as "path: reason" lines.
pub fn errors(root: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    check(root, root, value, "$", &mut out);
    out
}

fn fits(root: &Value, schema: &Value, value: &Value) -> bool {
    let mut out = Vec::new();
    check(root, schema, value, "", &mut out);
    out.is_empty()
}

fn check(root: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let rules = match schema {
        Value::Bool(true) => return,
        Value::Bool(false) => return out.push(format!("{path}: nothing fits here")),
        Value::Object(rules) => rules,
        other => panic!("not a schema: {other}"),
    };
    let mut fail = |why: String| out.push(format!("{path}: {why}"));
    let mut nested = Vec::new();
    for (keyword, arg) in rules {
        match keyword.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "$ref" => check(root, resolve(root, arg), value, path, &mut nested),
            "allOf" => {
                for s in arg.as_array().unwrap() {
                    check(root, s, value, path, &mut nested);
                }
            }
            "anyOf" if !arg.as_array().unwrap().iter().any(|s| fits(root, s, value)) => {
                fail("fits none of anyOf".into())
            }
            "oneOf" => {
                let n = arg
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|s| fits(root, s, value))
                    .count();
                if n != 1 {
                    fail(format!("fits {n} of oneOf, not exactly one"));
                }
            }
            "not" if fits(root, arg, value) => fail("fits what is forbidden".into()),
            "type" if !has_type(arg, value) => fail(format!("is not of type {arg}")),
            "const" if arg != value => fail(format!("is not {arg}")),
            "enum" if !arg.as_array().unwrap().contains(value) => {
                fail(format!("is not one of {arg}"))
            }
            "minimum" if value.as_f64().is_some_and(|n| n < arg.as_f64().unwrap()) => {
                fail(format!("is below {arg}"))
            }
            "maximum" if value.as_f64().is_some_and(|n| n > arg.as_f64().unwrap()) => {
                fail(format!("is above {arg}"))
            }
            "minLength"
                if value
                    .as_str()
                    .is_some_and(|s| s.chars().count() < count(arg)) =>
            {
                fail(format!("is shorter than {arg}"))
            }
            "pattern"
                if value
                    .as_str()
                    .is_some_and(|s| !matches(arg.as_str().unwrap(), s)) =>
            {
                fail(format!("does not match {arg}"))
            }
            "minItems" if value.as_array().is_some_and(|a| a.len() < count(arg)) => {
                fail(format!("has fewer than {arg} items"))
            }
            "maxItems" if value.as_array().is_some_and(|a| a.len() > count(arg)) => {
                fail(format!("has more than {arg} items"))
            }
            "required" => {
                if let Some(obj) = value.as_object() {
                    for key in arg.as_array().unwrap() {
                        if !obj.contains_key(key.as_str().unwrap()) {
                            fail(format!("lacks {key}"));
                        }
                    }
                }
            }
            "properties" => {
                if let Some(obj) = value.as_object() {
                    for (key, s) in arg.as_object().unwrap() {
                        if let Some(v) = obj.get(key) {
                            check(root, s, v, &format!("{path}.{key}"), &mut nested);
                        }
                    }
                }
            }
            "additionalProperties" => {
                let known = rules.get("properties").and_then(Value::as_object);
                if let Some(obj) = value.as_object() {
                    for (key, v) in obj {
                        if !known.is_some_and(|k| k.contains_key(key)) {
                            check(root, arg, v, &format!("{path}.{key}"), &mut nested);
                        }
                    }
                }
            }
            "uniqueItems" if arg == &Value::Bool(true) => {
                if let Some(items) = value.as_array() {
                    if items
                        .iter()
                        .enumerate()
                        .any(|(i, a)| items[..i].contains(a))
                    {
                        fail("has an item more than once".into());
                    }
                }
            }
            "propertyNames" => {
                if let Some(obj) = value.as_object() {
                    for key in obj.keys() {
                        let name = Value::String(key.clone());
                        check(
                            root,
                            arg,
                            &name,
                            &format!("{path}.{key} (name)"),
                            &mut nested,
                        );
                    }
                }
            }
            "prefixItems" => {
                if let Some(items) = value.as_array() {
                    for (i, (s, v)) in arg.as_array().unwrap().iter().zip(items).enumerate() {
                        check(root, s, v, &format!("{path}[{i}]"), &mut nested);
                    }
                }
            }
            "items" => {
                let skip = rules
                    .get("prefixItems")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                if let Some(items) = value.as_array() {
                    for (i, v) in items.iter().enumerate().skip(skip) {
                        check(root, arg, v, &format!("{path}[{i}]"), &mut nested);
                    }
                }
            }
            "anyOf" | "not" | "type" | "const" | "enum" | "minimum" | "maximum" | "minLength"
            | "pattern" | "minItems" | "maxItems" | "uniqueItems" => {}
            unknown => panic!("the checker does not know the keyword {unknown}"),
        }
    }
    out.extend(nested);
}

fn count(arg: &Value) -> usize {
    arg.as_u64().unwrap() as usize
}

/// Follows a reference of the form `#/$defs/name`.
pub fn resolve<'a>(root: &'a Value, reference: &Value) -> &'a Value {
    let name = reference
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
        .unwrap_or_else(|| panic!("unsupported $ref {reference}"));
    root["$defs"]
        .get(name)
        .unwrap_or_else(|| panic!("$ref to a missing definition {name}"))
}

fn has_type(arg: &Value, value: &Value) -> bool {
    let one = |t: &Value| match t.as_str().unwrap() {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        other => panic!("unknown type {other}"),
    };
    match arg {
        Value::Array(types) => types.iter().any(one),
        t => one(t),
    }
}

/// One piece of a pattern: a set of character ranges, and how many times
/// (at least, at most) it repeats.
type Atom = (Vec<(char, char)>, usize, usize);

/// Matches the small subset of regular expressions the schema uses:
/// `^`, `$`, literal characters, and classes like `[0-9a-h]`, each
/// optionally repeated `{n}` or `{m,n}` times.
pub fn matches(pattern: &str, text: &str) -> bool {
    let body = pattern
        .strip_prefix('^')
        .and_then(|p| p.strip_suffix('$'))
        .unwrap_or_else(|| panic!("patterns must be anchored: {pattern}"));
    let mut atoms: Vec<Atom> = Vec::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        let class = match c {
            '[' => {
                let mut ranges = Vec::new();
                loop {
                    let from = chars.next().expect("closed class");
                    if from == ']' {
                        break;
                    }
                    if chars.peek() == Some(&'-') {
                        chars.next();
                        ranges.push((from, chars.next().unwrap()));
                    } else {
                        ranges.push((from, from));
                    }
                }
                ranges
            }
            '{' | '}' | '(' | ')' | '*' | '+' | '?' | '|' | '.' | '\\' => {
                panic!("unsupported pattern syntax {c} in {pattern}")
            }
            literal => vec![(literal, literal)],
        };
        let (min, max) = if chars.peek() == Some(&'{') {
            chars.next();
            let spec: String = chars.by_ref().take_while(|&c| c != '}').collect();
            match spec.split_once(',') {
                Some((m, n)) => (m.parse().unwrap(), n.parse().unwrap()),
                None => (spec.parse().unwrap(), spec.parse().unwrap()),
            }
        } else {
            (1, 1)
        };
        atoms.push((class, min, max));
    }
    let text: Vec<char> = text.chars().collect();
    match_from(&atoms, &text)
}

fn match_from(atoms: &[Atom], text: &[char]) -> bool {
    let Some(((class, min, max), rest)) = atoms.split_first() else {
        return text.is_empty();
    };
    let fits = |c: &char| class.iter().any(|(a, b)| a <= c && c <= b);
    let run = text.iter().take(*max).take_while(|c| fits(c)).count();
    (*min..=run).rev().any(|n| match_from(rest, &text[n..]))
}

#[test]
fn the_pattern_subset_matches_ids_and_dates() {
    let id = "^[0-9a-hjkmnp-tv-z]{9,13}$";
    assert!(matches(id, "k3m9x2ab4"));
    assert!(!matches(id, "k3m9x2ab"), "too short");
    assert!(!matches(id, "k3m9x2abu"), "u is not in the alphabet");
    let date = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    assert!(matches(date, "2026-02-01"));
    assert!(!matches(date, "2026-2-01"));
}
