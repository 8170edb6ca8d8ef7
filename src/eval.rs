//! Scoring a report against a hand annotation in the `claim-gold/1` format, with the same
//! one-to-one matching and metrics as the shared `score.py`: claims (overlap with the gold
//! anchor), attribution, stance, pairwise event grouping, and conflict findings.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::Report;

/// A gold claim.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    /// Gold id.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Anchor span.
    pub anchor_span: GoldSpan,
    /// Speaker parties.
    pub parties: Vec<String>,
    /// Stance name.
    pub stance: String,
    /// Gold event id.
    pub event: Option<String>,
    /// Whether the claim must be found.
    pub required: bool,
}

/// A gold span.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct GoldSpan {
    /// Start.
    pub start: usize,
    /// End.
    pub end: usize,
}

/// A gold conflict or agreement.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPair {
    /// Id (conflicts only).
    #[serde(default)]
    pub id: String,
    /// Whether it must be found (conflicts only).
    #[serde(default)]
    pub required: bool,
    /// Claims on one side.
    pub a: Vec<String>,
    /// Claims on the other.
    pub b: Vec<String>,
}

/// A `claim-gold/1` file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// Format name.
    pub format: String,
    /// Gold claims.
    pub claims: Vec<GoldClaim>,
    /// Gold conflicts.
    #[serde(default)]
    pub conflicts: Vec<GoldPair>,
    /// Gold agreements.
    #[serde(default)]
    pub agreements: Vec<GoldPair>,
}

/// The figures, named as score.py names them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scores {
    /// Claims in the report.
    pub claims_reported: usize,
    /// Claim precision.
    pub claim_precision: f64,
    /// Claim recall (required gold claims).
    pub claim_recall: f64,
    /// Claim F1.
    pub claim_f1: f64,
    /// Optional gold claims matched.
    pub optional_claims_found: usize,
    /// Precision counting only claims with exact parties and coarse stance.
    pub strict_precision: f64,
    /// Recall, same.
    pub strict_recall: f64,
    /// F1, same.
    pub strict_f1: f64,
    /// Share of found claims (with gold parties) whose parties are exact.
    pub attribution_accuracy: Option<f64>,
    /// Share of found claims whose coarse stance is right.
    pub stance_accuracy: Option<f64>,
    /// Pairwise grouping precision.
    pub grouping_precision: f64,
    /// Pairwise grouping recall.
    pub grouping_recall: f64,
    /// Pairwise grouping F1.
    pub grouping_f1: f64,
    /// Findings in the report.
    pub findings: usize,
    /// Findings that match a gold conflict and no agreement.
    pub finding_precision: Option<f64>,
    /// Required gold conflicts found.
    pub conflict_recall: Option<f64>,
    /// Findings that pair accounts the gold lists as agreeing.
    pub agreements_flagged: usize,
    /// Gold conflicts found.
    pub conflicts_found: Vec<String>,
    /// Required gold conflicts missed.
    pub conflicts_missed: Vec<String>,
}

fn coarse(stance: &str) -> &str {
    match stance {
        "deny" | "negative" | "positive" => stance,
        _ => "other",
    }
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (round(p), round(r), round(f))
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Matches gold claims to reported claims one to one: required first, largest overlap wins.
fn match_claims(gold: &Gold, rep: &Report) -> HashMap<String, usize> {
    let mut order: Vec<&GoldClaim> = gold.claims.iter().collect();
    order.sort_by_key(|g| !g.required);
    let mut taken = BTreeSet::new();
    let mut g2s = HashMap::new();
    for g in order {
        let mut best: Option<(usize, usize)> = None;
        for (i, s) in rep.claims.iter().enumerate() {
            if taken.contains(&i) || s.doc != g.doc {
                continue;
            }
            let ov = g.anchor_span.end.min(s.span.end) as isize
                - g.anchor_span.start.max(s.span.start) as isize;
            if ov > 0 && best.is_none_or(|(_, b)| ov as usize > b) {
                best = Some((i, ov as usize));
            }
        }
        if let Some((i, _)) = best {
            taken.insert(i);
            g2s.insert(g.id.clone(), i);
        }
    }
    g2s
}

/// Scores a report against a gold annotation.
pub fn score(gold: &Gold, rep: &Report) -> Scores {
    let g2s = match_claims(gold, rep);
    let s2g: HashMap<usize, &str> = g2s.iter().map(|(g, s)| (*s, g.as_str())).collect();
    let req: Vec<&GoldClaim> = gold.claims.iter().filter(|g| g.required).collect();
    let found: Vec<&GoldClaim> = req
        .iter()
        .copied()
        .filter(|g| g2s.contains_key(&g.id))
        .collect();
    let tp = found.len();
    let fp = rep.claims.len() - g2s.len();
    let (cp, cr, cf) = prf(tp, fp, req.len() - tp);
    let parties = |g: &GoldClaim| {
        let s = &rep.claims[g2s[&g.id]];
        let p: BTreeSet<&String> = s.speaker.parties.iter().collect();
        p == g.parties.iter().collect::<BTreeSet<_>>()
    };
    let stance_ok =
        |g: &GoldClaim| coarse(rep.claims[g2s[&g.id]].stance.name()) == coarse(&g.stance);
    let with_party: Vec<&&GoldClaim> = found.iter().filter(|g| !g.parties.is_empty()).collect();
    let party_ok = with_party.iter().filter(|g| parties(g)).count();
    let stance_n = found.iter().filter(|g| stance_ok(g)).count();
    let strict = found.iter().filter(|g| parties(g) && stance_ok(g)).count();
    let (sp, sr, sf) = prf(strict, tp + fp - strict, req.len() - strict);
    let (gp, gr, gf) = grouping(&found, &g2s, rep);
    let f = findings(gold, rep, &s2g);
    Scores {
        claims_reported: rep.claims.len(),
        claim_precision: cp,
        claim_recall: cr,
        claim_f1: cf,
        optional_claims_found: gold
            .claims
            .iter()
            .filter(|g| !g.required && g2s.contains_key(&g.id))
            .count(),
        strict_precision: sp,
        strict_recall: sr,
        strict_f1: sf,
        attribution_accuracy: (!with_party.is_empty())
            .then(|| round(party_ok as f64 / with_party.len() as f64)),
        stance_accuracy: (!found.is_empty()).then(|| round(stance_n as f64 / found.len() as f64)),
        grouping_precision: gp,
        grouping_recall: gr,
        grouping_f1: gf,
        findings: f.findings,
        finding_precision: f.finding_precision,
        conflict_recall: f.conflict_recall,
        agreements_flagged: f.agreements_flagged,
        conflicts_found: f.conflicts_found,
        conflicts_missed: f.conflicts_missed,
    }
}

fn grouping(found: &[&GoldClaim], g2s: &HashMap<String, usize>, rep: &Report) -> (f64, f64, f64) {
    let ev: Vec<&&GoldClaim> = found.iter().filter(|g| g.event.is_some()).collect();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (i, x) in ev.iter().enumerate() {
        for y in &ev[i + 1..] {
            let same_gold = x.event == y.event;
            let ex = &rep.claims[g2s[&x.id]].event;
            let ey = &rep.claims[g2s[&y.id]].event;
            let same_sys = ex.is_some() && ex == ey;
            tp += (same_gold && same_sys) as usize;
            fp += (same_sys && !same_gold) as usize;
            fn_ += (same_gold && !same_sys) as usize;
        }
    }
    prf(tp, fp, fn_)
}

/// The finding figures of [`Scores`].
struct FindingScores {
    findings: usize,
    finding_precision: Option<f64>,
    conflict_recall: Option<f64>,
    agreements_flagged: usize,
    conflicts_found: Vec<String>,
    conflicts_missed: Vec<String>,
}

fn findings(gold: &Gold, rep: &Report, s2g: &HashMap<usize, &str>) -> FindingScores {
    let idx: HashMap<&str, usize> = rep
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let gold_ids = |ids: &[String]| -> BTreeSet<String> {
        ids.iter()
            .filter_map(|c| idx.get(c.as_str()))
            .filter_map(|i| s2g.get(i))
            .map(|s| s.to_string())
            .collect()
    };
    let pairs = |k: &GoldPair, a: &BTreeSet<String>, b: &BTreeSet<String>| {
        let (ka, kb): (BTreeSet<&String>, BTreeSet<&String>) =
            (k.a.iter().collect(), k.b.iter().collect());
        let hit = |s: &BTreeSet<String>, k: &BTreeSet<&String>| s.iter().any(|x| k.contains(x));
        (hit(a, &ka) && hit(b, &kb)) || (hit(a, &kb) && hit(b, &ka))
    };
    let mut hit: BTreeMap<&str, usize> =
        gold.conflicts.iter().map(|k| (k.id.as_str(), 0)).collect();
    let (mut ftp, mut agreed) = (0, 0);
    for f in &rep.findings {
        let (a, b) = (gold_ids(&f.a.claims), gold_ids(&f.b.claims));
        let m: Vec<&GoldPair> = gold.conflicts.iter().filter(|k| pairs(k, &a, &b)).collect();
        let bad = gold.agreements.iter().any(|k| pairs(k, &a, &b));
        for k in &m {
            *hit.get_mut(k.id.as_str()).expect("gold id") += 1;
        }
        agreed += bad as usize;
        ftp += usize::from(!m.is_empty() && !bad);
    }
    let reqk: Vec<&GoldPair> = gold.conflicts.iter().filter(|k| k.required).collect();
    let kfound = reqk.iter().filter(|k| hit[k.id.as_str()] > 0).count();
    let nf = rep.findings.len();
    FindingScores {
        findings: nf,
        finding_precision: (nf > 0).then(|| round(ftp as f64 / nf as f64)),
        conflict_recall: (!reqk.is_empty()).then(|| round(kfound as f64 / reqk.len() as f64)),
        agreements_flagged: agreed,
        conflicts_found: hit
            .iter()
            .filter(|(_, v)| **v > 0)
            .map(|(k, _)| k.to_string())
            .collect(),
        conflicts_missed: reqk
            .iter()
            .filter(|k| hit[k.id.as_str()] == 0)
            .map(|k| k.id.clone())
            .collect(),
    }
}

impl Scores {
    /// The figures as score.py prints them: one `name value` line each.
    pub fn lines(&self) -> String {
        let v = serde_json::to_value(self).expect("scores serialize");
        let mut out = String::new();
        for (k, val) in v.as_object().expect("an object").iter() {
            let shown = match val {
                serde_json::Value::Null => "None".to_string(),
                serde_json::Value::Array(a) => format!(
                    "[{}]",
                    a.iter()
                        .map(|x| format!("'{}'", x.as_str().unwrap_or("")))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                other => other.to_string(),
            };
            out.push_str(&format!("{k:24} {shown}\n"));
        }
        out
    }
}
