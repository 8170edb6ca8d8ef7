//! Merging documents' meetings into corpus events. Two descriptions from different documents
//! are linked when nothing conflicts and their evidence (same place, same date, shared
//! participants, level) reaches the threshold (`merge::score`). Links are taken strongest first,
//! and two clusters join only when every member of one is compatible with every member of the
//! other (complete linkage): a chain of weak links can never put a Moscow meeting of 2018 and one
//! of 2023 together through a third, undated account.

use rustc_hash::FxHashMap;

use super::LocalEvent;
use super::mention::Facts;
use super::merge::{self, Link};

/// How many earlier descriptions per blocking key a description is compared with: reports of
/// one meeting stand close together in a news archive, and the bound keeps merging linear.
const RECENT: usize = 64;

/// One document's description of one meeting, as the clustering sees it.
#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    /// The document's id.
    pub doc: &'a str,
    /// The description, with the document's publication date.
    pub event: &'a LocalEvent,
}

/// A cluster of nodes (indices into the node list, ascending) and why they were joined.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// Member nodes, ascending.
    pub members: Vec<usize>,
    /// One line per join.
    pub why: Vec<String>,
}

/// Clusters the nodes; every node ends in exactly one cluster, clusters in order of first node.
pub fn cluster(nodes: &[Node], threshold: f64) -> Vec<Cluster> {
    let links = candidate_links(nodes, threshold);
    let mut of: Vec<usize> = (0..nodes.len()).collect();
    let mut clusters: Vec<Cluster> = (0..nodes.len())
        .map(|i| Cluster {
            members: vec![i],
            why: nodes[i].event.why.clone(),
        })
        .collect();
    for (i, j, link) in links {
        let (a, b) = (of[i].min(of[j]), of[i].max(of[j]));
        if a == b || !joinable(nodes, &clusters[a].members, &clusters[b].members) {
            continue;
        }
        let moved = std::mem::take(&mut clusters[b]);
        for &m in &moved.members {
            of[m] = a;
        }
        let target = &mut clusters[a];
        target.why.push(format!(
            "{} joined {}: {} (score {:.1})",
            nodes[j].doc,
            nodes[i].doc,
            link.why.join(", "),
            link.score
        ));
        target.why.extend(moved.why);
        target.members.extend(moved.members);
        target.members.sort_unstable();
    }
    clusters.retain(|c| !c.members.is_empty());
    clusters
}

/// Links between nodes of different documents that reach the threshold, strongest first (ties
/// in node order, so the result does not depend on hashing).
fn candidate_links(nodes: &[Node], threshold: f64) -> Vec<(usize, usize, Link)> {
    let mut buckets: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut links = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        let keys = blocking_keys(&n.event.facts);
        let mut seen: Vec<usize> = keys
            .iter()
            .filter_map(|k| buckets.get(k))
            .flat_map(|b| b.iter().rev().take(RECENT))
            .copied()
            .filter(|&j| nodes[j].doc != n.doc)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for j in seen {
            if let Some(link) = merge::link(nodes[j].event, n.event)
                && link.score >= threshold
            {
                links.push((j, i, link));
            }
        }
        for k in keys {
            buckets.entry(k).or_default().push(i);
        }
    }
    links.sort_by(|x, y| {
        y.2.score
            .total_cmp(&x.2.score)
            .then(x.0.cmp(&y.0))
            .then(x.1.cmp(&y.1))
    });
    links
}

/// The blocking keys of a description: the buckets it is compared in, and the only way two
/// descriptions are ever compared (none for a description too vague to be linked).
pub fn blocking_keys(f: &Facts) -> Vec<String> {
    if merge::linkable(f) {
        keys(f)
    } else {
        Vec::new()
    }
}

/// The blocking keys of all of a document's meetings, sorted, once each: a document shares an
/// event with another only if they share one of these (directly or through other documents).
pub fn document_keys(events: &[LocalEvent]) -> Vec<String> {
    let mut out: Vec<String> = events
        .iter()
        .flat_map(|e| blocking_keys(&e.facts))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Keys: the place, the venue's state, and each pair of participating states. A link needs a
/// shared place or two shared parties to reach any sensible threshold, so nothing else is indexed.
fn keys(f: &Facts) -> Vec<String> {
    let mut out: Vec<String> = f.place.iter().map(|p| format!("place:{p}")).collect();
    out.extend(f.venue_state.iter().map(|s| format!("in:{s}")));
    let parties: Vec<&String> = f.parties.iter().collect();
    for (i, a) in parties.iter().enumerate() {
        for b in &parties[i + 1..] {
            out.push(format!("parties:{a}|{b}"));
        }
    }
    out
}

/// Whether two clusters may join: every pair of members is compatible, and no document has two
/// descriptions in the result (a document that told two meetings apart keeps them apart).
fn joinable(nodes: &[Node], a: &[usize], b: &[usize]) -> bool {
    a.iter().all(|&x| {
        b.iter().all(|&y| {
            nodes[x].doc != nodes[y].doc && merge::link(nodes[x].event, nodes[y].event).is_some()
        })
    })
}
