//! The keyed reduce of issue 17 without Spark: the records of `claims --records` grouped by
//! the connected components of their blocking keys, each group reduced apart by `report
//! --from-claims`, and the groups' exports merged by `report --from-parts`, give the direct
//! run's report byte for byte in every format. Grouped by one key each instead (a place, else
//! a pair of parties), an event that two documents reach through different keys falls apart,
//! which is why the groups are components.

use std::collections::BTreeMap;
use std::process::Output;

mod common;

use common::claimdiff;

const CORPUS: &str = "tests/data/spark/corpus.jsonl";

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = claimdiff();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes.to_vec());
    }
    cmd.output().expect("runs")
}

/// One document's record lines and its blocking keys.
struct Doc {
    lines: String,
    keys: Vec<String>,
}

fn documents(input: &str) -> Vec<Doc> {
    let out = run(&["claims", input, "--format", "jsonl", "--records"], None);
    let mut docs = Vec::new();
    let mut lines = String::new();
    for line in String::from_utf8(out.stdout).expect("UTF-8").lines() {
        lines.push_str(line);
        lines.push('\n');
        if line.starts_with(r#"{"record":"document""#) {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
            let keys = v["keys"].as_array().expect("keys");
            let keys = keys
                .iter()
                .map(|k| k.as_str().expect("a key").into())
                .collect();
            docs.push(Doc {
                lines: std::mem::take(&mut lines),
                keys,
            });
        }
    }
    docs
}

/// The group of each document: the connected components of documents over shared keys
/// (union-find), numbered by first document; a document with no key is alone.
fn components(docs: &[Doc]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut owner: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        for k in &d.keys {
            let j = *owner.entry(k).or_insert(i);
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    (0..docs.len()).map(|i| root(&mut parent, i)).collect()
}

/// Each group reduced apart, as the parts `report --from-parts` reads; `groups` are folded
/// into `n` reduces (any union of whole groups is a group too).
fn parts(docs: &[Doc], groups: &[usize], n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for reduce in 0..n {
        let members: Vec<usize> = (0..docs.len())
            .filter(|&i| groups[i] % n == reduce)
            .collect();
        if members.is_empty() {
            continue;
        }
        let records: String = members.iter().map(|&i| docs[i].lines.as_str()).collect();
        let export = run(
            &["report", "--from-claims", "-", "--format", "json"],
            Some(records.as_bytes()),
        );
        assert!(export.status.success(), "{export:?}");
        out.extend(format!(r#"{{"positions":{members:?},"report":"#).bytes());
        out.extend(export.stdout);
        out.extend(b"}\n");
    }
    out
}

fn merged(parts: &[u8], format: &str) -> Vec<u8> {
    let out = run(
        &["report", "--from-parts", "-", "--format", format],
        Some(parts),
    );
    assert!(out.status.success(), "{out:?}");
    out.stdout
}

#[test]
fn groups_by_connected_keys_merge_into_the_direct_report() {
    let docs = documents(CORPUS);
    assert_eq!(docs.len(), 38);
    let groups = components(&docs);
    let distinct: std::collections::BTreeSet<_> = groups.iter().collect();
    assert!(distinct.len() >= 4, "the corpus falls into several groups");
    let parts = parts(&docs, &groups, 3);
    for format in ["json", "jsonl", "md", "html", "table"] {
        let direct = run(&["report", CORPUS, "--format", format], None).stdout;
        assert!(
            merged(&parts, format) == direct,
            "--format {format}: the merged parts differ from the direct run"
        );
    }
}

#[test]
fn groups_by_one_key_each_would_split_an_event() {
    let docs = documents(CORPUS);
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    let groups: Vec<usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let key = d.keys.iter().find(|k| k.starts_with("place:"));
            match key.or(d.keys.iter().find(|k| k.starts_with("parties:"))) {
                Some(k) => {
                    let next = names.len();
                    *names.entry(k).or_insert(next)
                }
                None => docs.len() + i,
            }
        })
        .collect();
    let direct = run(&["report", CORPUS, "--format", "json"], None).stdout;
    let by_key = merged(&parts(&docs, &groups, docs.len() * 2), "json");
    let events = |b: &[u8]| {
        serde_json::from_slice::<serde_json::Value>(b).expect("JSON")["events"]
            .as_array()
            .map(Vec::len)
    };
    // the Muscat talks of April 12: one report names Oman but not Muscat, and joins the others
    // on the country and the parties, under keys the others' place key never sees
    assert!(events(&by_key) > events(&direct), "an event fell apart");
}

#[test]
fn parts_that_do_not_fit_together_are_refused() {
    let docs = documents(CORPUS);
    let groups: Vec<usize> = (0..docs.len()).collect();
    let one = parts(&docs[..2], &groups[..2], 1);
    let twice = [one.as_slice(), one.as_slice()].concat();
    let out = run(&["report", "--from-parts", "-"], Some(&twice));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("part 2: document"));
    let out = run(
        &["report", "--from-parts", "-"],
        Some(b"{\"positions\": [1]}"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:1: not a part"));
}
