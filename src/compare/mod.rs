//! The comparator: within each event, claims of different sides are compared under the conflict
//! rules of `rules/common/conflicts.toml`, and each (side, side, kind) that fires yields one
//! finding naming every claim involved. A side is the set of states a speaker speaks for (or the
//! speaker itself when it speaks for none); sides sharing a state are one coalition and never
//! conflict. Comparison is blocked by event, so cost grows with event size, not corpus size.

pub mod conditions;
pub mod features;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Claim, Document, Finding, Side};
use crate::rules::{ConflictRule, RuleSet};
use features::Features;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// What a finding's score is multiplied by when all its evidence is weak (shared words only).
const WEAK_EVIDENCE: f64 = 0.6;

/// What a finding's score is multiplied by when a side is a description that names no state
/// and no one ("the envoy", "the government"): who it speaks for was not read, so it may be the
/// other side itself.
const UNRESOLVED_SIDE: f64 = 0.7;

/// A claim with what the comparator reads from it.
pub struct View<'a> {
    /// The claim.
    pub claim: &'a Claim,
    /// What the comparator reads from it.
    pub features: Features,
    /// The first claim of its block that reads the same (same sentence, cue, stance, topics and
    /// language): reprints of a wire story compare alike, so their pairs are judged once.
    twin: usize,
    /// Whether the speaker is a bare description that names no state and no one.
    unresolved: bool,
}

/// Who a claim speaks for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SideKey {
    Parties(Vec<String>),
    Source(String),
}

impl SideKey {
    fn of(c: &Claim) -> SideKey {
        if c.speaker.parties.is_empty() {
            // a movement's people and the movement itself are one side
            SideKey::Source(
                c.speaker
                    .affiliation
                    .clone()
                    .unwrap_or_else(|| c.speaker.name.to_string()),
            )
        } else {
            SideKey::Parties(c.speaker.parties.clone())
        }
    }

    /// Whether two sides are distinct (share no state, or are different stateless sources).
    fn opposes(&self, o: &SideKey) -> bool {
        match (self, o) {
            (SideKey::Parties(a), SideKey::Parties(b)) => a.iter().all(|x| !b.contains(x)),
            _ => self != o,
        }
    }
}

/// Finds the conflicts in a report's claims.
pub fn find(claims: &[Claim], docs: &[Document], rules: &RuleSet) -> Vec<Finding> {
    let lang_of: BTreeMap<&str, &str> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.language.as_deref().unwrap_or("ar")))
        .collect();
    let mut blocks: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    // a conflict is between two accounts of one event (ANNOTATION.md): claims about no meeting
    // are not compared (in general news, two statements that merely stand in one article were
    // four in five of all findings, and none read by hand was a conflict)
    for c in claims {
        if let Some(e) = &c.event {
            blocks.entry(e.as_str()).or_default().push(c);
        }
    }
    let blocks: Vec<(&str, Vec<&Claim>)> = blocks.into_iter().collect();
    let per_block: Vec<Vec<Finding>> = blocks
        .into_par_iter()
        .map(|(event, block)| {
            if !has_two_sides(&block) {
                // one side alone cannot conflict: skip reading its claims' features
                return Vec::new();
            }
            let lang = |c: &Claim| lang_of.get(c.doc.as_str()).copied().unwrap_or("ar");
            let mut first: FxHashMap<_, usize> = FxHashMap::default();
            let views: Vec<View> = block
                .into_iter()
                .enumerate()
                .map(|(i, c)| View {
                    claim: c,
                    features: features::of(c, rules.lang(lang(c)), &rules.negations),
                    twin: *first
                        .entry((&c.text, &c.cue.text, c.stance, &c.topics, lang(c)))
                        .or_insert(i),
                    unresolved: unresolved(c, rules.lang(lang(c))),
                })
                .collect();
            compare_block(Some(event), &views, rules)
        })
        .collect();
    per_block.into_iter().flatten().collect()
}

/// Whether a speaker is a bare description (a head noun of the rules: "envoy", "government")
/// that names no state: anonymous sources, named people and outlets speak for themselves.
fn unresolved(c: &Claim, rules: &crate::rules::LangRules) -> bool {
    c.speaker.parties.is_empty()
        && c.speaker.affiliation.is_none()
        && c.speaker.kind != crate::model::SpeakerKind::Anonymous
        && rules.heads.iter().any(|h| h.name == c.speaker.name)
}

/// Whether a block holds two sides that oppose each other.
fn has_two_sides(block: &[&Claim]) -> bool {
    // distinct sides only: a block can hold many claims of one side
    let keys: Vec<SideKey> = block
        .iter()
        .map(|c| SideKey::of(c))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    keys.iter()
        .enumerate()
        .any(|(i, a)| keys[i + 1..].iter().any(|b| a.opposes(b)))
}

fn compare_block(event: Option<&str>, views: &[View], rules: &RuleSet) -> Vec<Finding> {
    let mut sides: BTreeMap<SideKey, Vec<&View>> = BTreeMap::new();
    for v in views {
        sides.entry(SideKey::of(v.claim)).or_default().push(v);
    }
    let keys: Vec<&SideKey> = sides.keys().collect();
    let mut out = Vec::new();
    for (i, x) in keys.iter().enumerate() {
        for y in &keys[i + 1..] {
            if !x.opposes(y) {
                continue;
            }
            // the strongest finding first, then the strongest among the claims left: a weak
            // match of an early rule never keeps a stronger rule from the same claims
            let mut used: FxHashSet<String> = FxHashSet::default();
            loop {
                let best = rules
                    .conflicts
                    .iter()
                    .flat_map(|rule| {
                        [(&sides[*x], &sides[*y]), (&sides[*y], &sides[*x])]
                            .into_iter()
                            .filter_map(|(a, b)| apply(rule, event, a, b, &used))
                            .collect::<Vec<_>>()
                    })
                    .reduce(|best, f| if f.score > best.score { f } else { best });
                let Some(f) = best else { break };
                used.extend(f.a.claims.iter().chain(&f.b.claims).cloned());
                out.push(f);
            }
        }
    }
    name_findings(event, &mut out);
    out
}

/// The pairs of an answer that stand in one article, when there are any: a denial that names a
/// side answers what that side said where the reporter set the two side by side, not every
/// account of it elsewhere.
fn answered_in_place<'v>(
    pairs: Vec<(&'v View<'v>, &'v View<'v>)>,
) -> Vec<(&'v View<'v>, &'v View<'v>)> {
    if pairs.iter().any(|(x, y)| x.claim.doc == y.claim.doc) {
        pairs
            .into_iter()
            .filter(|(x, y)| x.claim.doc == y.claim.doc)
            .collect()
    } else {
        pairs
    }
}

/// Names each finding `{event}-{kind}-{hash}`, the hash a short digest of the sorted ids of the
/// claims on both sides: the name depends on the finding's own content only, so adding or
/// removing a document it has no part in renames nothing (a review desk keys its decisions by
/// it). Two findings of one kind over the same claims (none so far) would get `-2`, `-3`.
fn name_findings(event: Option<&str>, out: &mut [Finding]) {
    use sha2::Digest;
    let mut taken: FxHashSet<String> = FxHashSet::default();
    for f in out.iter_mut() {
        let mut ids: Vec<&str> =
            f.a.claims
                .iter()
                .chain(&f.b.claims)
                .map(String::as_str)
                .collect();
        ids.sort_unstable();
        ids.dedup();
        let digest = sha2::Sha256::digest(ids.join("\n").as_bytes());
        let hex: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
        let base = format!("{}-{}-{hex}", event.unwrap_or("none"), f.kind.name());
        let mut id = base.clone();
        let mut n = 1;
        while !taken.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        f.id = id;
    }
}

/// Applies one rule to side `a` against side `b`; a finding when any pair of claims fits and
/// no claim already stands in a stronger finding between the same sides.
fn apply(
    rule: &ConflictRule,
    event: Option<&str>,
    a: &[&View],
    b: &[&View],
    used: &FxHashSet<String>,
) -> Option<Finding> {
    let mut pairs: Vec<(&View, &View)> = Vec::new();
    let mut why: Option<String> = None;
    let mut strong = false;
    // twins fit alike: each pair of twins is judged once
    let mut judged: FxHashMap<(usize, usize), bool> = FxHashMap::default();
    for x in a.iter().filter(|v| rule.a.contains(&v.claim.stance)) {
        for y in b.iter().filter(|v| rule.b.contains(&v.claim.stance)) {
            let answered = rule.b_names_a && used.contains(y.claim.id.as_str());
            if answered || used.contains(x.claim.id.as_str()) && used.contains(y.claim.id.as_str())
            {
                continue;
            }
            let fit = *judged.entry((x.twin, y.twin)).or_insert_with(|| {
                let Some(fit) = conditions::fits(rule, x, y) else {
                    return false;
                };
                strong |= !fit.weak;
                why = why.take().or(Some(fit.why));
                true
            });
            if fit {
                pairs.push((x, y));
            }
        }
    }
    if rule.b_names_a {
        pairs = answered_in_place(pairs);
    }
    let (first_a, first_b) = pairs.first()?;
    let why = why.unwrap_or_default();
    // claims in the order their pairs fired: the claim that triggered the rule comes first
    let side = |vs: Vec<&Claim>| {
        let mut ids: Vec<String> = Vec::new();
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let mut speakers: Vec<String> = Vec::new();
        for c in &vs {
            if seen.insert(c.id.as_str()) {
                ids.push(c.id.clone());
            }
            if !speakers.iter().any(|s| *s == c.speaker.name) {
                speakers.push(c.speaker.name.to_string());
            }
        }
        Side {
            parties: vs[0].speaker.parties.clone(),
            speakers,
            claims: ids,
        }
    };
    let sa = side(pairs.iter().map(|p| p.0.claim).collect());
    let sb = side(pairs.iter().map(|p| p.1.claim).collect());
    let mut score = (rule.score + 0.05 * (pairs.len() as f64 - 1.0).min(2.0)).min(1.0);
    if !strong {
        // two shared words and no shared concept: never a confident finding
        score *= WEAK_EVIDENCE;
    }
    if first_a.unresolved || first_b.unresolved {
        score *= UNRESOLVED_SIDE;
    }
    Some(Finding {
        id: String::new(),
        kind: rule.kind,
        event: event.map(str::to_string),
        score: (score * 100.0).round() / 100.0,
        why: format!(
            "rule {} ({}): {} [{}] against {} [{}]: {}",
            rule.id,
            rule.origin,
            first_a.claim.speaker.name,
            first_a.claim.stance.name(),
            first_b.claim.speaker.name,
            first_b.claim.stance.name(),
            why
        ),
        a: sa,
        b: sb,
        rule: rule.id.clone(),
    })
}
