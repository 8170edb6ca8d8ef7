//! Claim extraction: finds cues in each clause, reads the speaker after the cue (verb first),
//! before it (subject first) or from what came before (implicit: "وأضاف أن"), the content after
//! it, and decides stance and topics. Nested attribution hands the claim to the innermost
//! identified speaker ("ذكر تقرير صحفي، وزير الخارجية الروسي ... قال" is the minister's claim).
//! Subject-first languages (English) read speakers and content through [`subject`]. A document may
//! mix languages: each sentence uses the rules of the script it is written in. Each frame of cue
//! finds its speaker in [`frames`]; a claim under construction is a [`draft::Draft`]; speakers
//! that refer back are resolved by [`antecedent`].

mod alias;
pub mod antecedent;
mod draft;
mod frames;
mod home;
pub mod speaker;
pub mod stance;
pub mod subject;

use std::cell::OnceCell;
use std::ops::Range;

use crate::model::Claim;
use crate::rules::schema::Frame;
use crate::rules::{CueInfo, LangRules, WordOrder};
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, Sentence};
use antecedent::Mentions;
use draft::{
    Draft, How, coordinated, finish, is_relay, merge_into_last, new_draft, opened, owns_position,
    push, report_inside_last, resolve_anaphor,
};
use frames::trailing::{self, Trailing};
use frames::{content_follows, implicit_speaker, requirement_met, verb};

/// Extracts every claim of a prepared document written in one language.
pub fn claims(doc_id: &str, p: &Prepared, rules: &LangRules) -> Vec<Claim> {
    claims_in(doc_id, p, &[rules])
}

/// Extracts every claim of a document whose sentences may be in several languages: `langs[0]` is
/// the document's language (its rules cut the sentences); a sentence written mostly in the script
/// of another language in `langs` is read with that language's rules (an Arabic article quoting
/// an English sentence). Antecedents carry across languages.
pub fn claims_in(doc_id: &str, p: &Prepared, langs: &[&LangRules]) -> Vec<Claim> {
    let mut drafts: Vec<Draft> = Vec::new();
    let Some(&main) = langs.first() else {
        return Vec::new();
    };
    // each sentence's language is told once, for the claims and the mentions alike
    let told: Vec<OnceCell<&LangRules>> = p.sentences.iter().map(|_| OnceCell::new()).collect();
    let rules_at = |si: usize| {
        *told[si].get_or_init(|| sentence_rules(p, &p.sentences[si], langs).unwrap_or(main))
    };
    let mentions = Mentions::new(p, rules_at);
    // the sentence (index) where the last claim was read
    let mut last_claim_sentence: Option<usize> = None;
    for (si, sentence) in p.sentences.iter().enumerate().filter(|(_, s)| !s.skip) {
        let rules = rules_at(si);
        let before = drafts.len();
        if last_claim_sentence.is_some_and(|k| k + 1 == si)
            && continuation(p, rules, sentence, &mut drafts)
        {
            last_claim_sentence = Some(si);
            continue;
        }
        if std::ptr::eq(rules, main) {
            for seg in &sentence.segments {
                segment_claims(p, rules, sentence, seg.clone(), &mut drafts, &mentions);
            }
        } else {
            let tokens = sentence.tokens.clone();
            for seg in crate::text::segment::segments(&p.tokens, &p.in_quote, tokens, rules) {
                segment_claims(p, rules, sentence, seg, &mut drafts, &mentions);
            }
        }
        if drafts.len() > before {
            last_claim_sentence = Some(si);
        }
    }
    after_colon(p, &mut drafts);
    let home = home::home_state(p, main);
    for d in &mut drafts {
        home::of_home(&mut d.speaker, home.as_ref());
    }
    let mut claims: Vec<Claim> = drafts.iter().filter_map(|d| finish(doc_id, p, d)).collect();
    unique_ids(&mut claims);
    // a report keeps every document's claims: no spare capacity per document
    claims.shrink_to_fit();
    claims
}

/// A sentence that opens with a continuation word and has no cue of its own ("على أن التفاوض
/// سيتم عبر وسيط" after a source's statement) goes on with the last claim: same speaker and
/// cue sense, the opener standing as its cue. Whether it made one.
fn continuation<'r>(
    p: &Prepared,
    rules: &'r LangRules,
    sentence: &Sentence,
    drafts: &mut Vec<Draft<'r>>,
) -> bool {
    let s = sentence.tokens.clone();
    let Some(h) = rules
        .continues
        .longest_at(&p.tokens, s.start, Clitics::Conj)
    else {
        return false;
    };
    if !cues_in(p, rules, s.clone()).is_empty() {
        return false;
    }
    let Some(prev) = drafts.last().filter(|d| std::ptr::eq(d.rules, rules)) else {
        return false;
    };
    let cue = s.start..h.end();
    let (info, zone) = (prev.info, prev.speaker.clone());
    let mut d = new_draft(p, rules, cue, info, zone, How::Antecedent, h.end(), s.end);
    d.named_here = false;
    d.notes
        .push("a sentence that goes on with the statement before it".into());
    drafts.push(d);
    true
}

/// A claim whose sentence ends in a colon right after its cue and speaker ("قال لافروف
/// للصحافيين:") reports the sentence that follows, a quotation set on its own line, when that
/// sentence makes no claim of its own.
fn after_colon(p: &Prepared, drafts: &mut [Draft]) {
    let cues: Vec<usize> = drafts.iter().map(|d| d.cue.start).collect();
    for d in drafts.iter_mut() {
        // sentences are in text order: the one holding the cue is found by bisection
        let si = p.sentences.partition_point(|s| s.tokens.end <= d.cue.start);
        if p.sentences
            .get(si)
            .is_none_or(|s| !s.tokens.contains(&d.cue.start))
        {
            continue;
        }
        let end = p.sentences[si].tokens.end;
        // the colon that ends the content, only marks after it in the sentence
        let last_word = (d.content.start..end)
            .rev()
            .find(|&k| p.tokens[k].is_word())
            .unwrap_or(d.content.start);
        let colon = (last_word..end).find(|&k| p.tokens[k].is_punct(":"));
        // what stands before the colon is no content: an addressee ("للصحافيين") at most
        let short = (d.content.start..end)
            .filter(|&k| p.tokens[k].is_word())
            .count()
            <= 2;
        let (Some(colon), true) = (colon, short) else {
            continue;
        };
        // the quotation goes on in the same sentence, or is the next one
        let words = colon + 1..end;
        let reported = if words.clone().any(|k| p.tokens[k].is_word()) {
            Some(words)
        } else {
            p.sentences[si + 1..]
                .iter()
                .find(|s| !s.skip)
                .map(|s| s.tokens.clone())
        };
        let Some(reported) = reported.filter(|r| !cues.iter().any(|c| r.contains(c))) else {
            continue;
        };
        if reported.is_empty() {
            continue;
        }
        d.content = reported;
        d.notes.push("reports what follows the colon".into());
    }
}

/// Claim ids name where a claim starts; two claims of one sentence can start at the same place
/// (a second cue reaching back to the sentence's subject), so later ones get `-2`, `-3`, ...
fn unique_ids(claims: &mut [Claim]) {
    // an id is made of its claim's start: counting starts counts ids
    let mut seen: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    for c in claims.iter_mut() {
        let n = seen.entry(c.span.start).or_insert(0);
        *n += 1;
        if *n > 1 {
            c.id = format!("{}-{n}", c.id);
        }
    }
}

/// The rules of the language a sentence is written in, when another than the document's.
fn sentence_rules<'r>(
    p: &Prepared,
    s: &Sentence,
    langs: &[&'r LangRules],
) -> Option<&'r LangRules> {
    if langs.len() < 2 {
        return None;
    }
    let end = s.span.end.min(p.chars.len());
    let code = crate::lang::detect_slice(&p.chars[s.span.start.min(end)..end]);
    langs.iter().copied().find(|l| l.code == code)
}

/// The speaker of a source phrase that opens the sentence ("According to the statement, ...")
/// when a pronoun subject of a later clause stands for someone named in what the source
/// reports, not for the source: that clause is the source's report too.
fn reporting_source(
    p: &Prepared,
    rules: &LangRules,
    sentence: &Sentence,
    drafts: &[Draft],
    zone: &speaker::Zone,
    how: How,
) -> Option<speaker::Zone> {
    let prev = drafts.last()?;
    let source = how == How::Pronoun
        && prev.info.frame == Frame::Source
        && sentence.tokens.contains(&prev.cue.start)
        && prev.cue.end <= zone.tokens.start
        && prev.speaker.name != zone.name;
    if !source {
        return None;
    }
    let reported = speaker::first_zone(p, rules, prev.content.clone())?;
    let reported = resolve_anaphor(reported, drafts, &Mentions::none());
    (reported.name == zone.name).then(|| prev.speaker.clone())
}

/// The comma after which the pronoun at `k` opens a clause, past discourse words only ("..., and
/// it also said"): the subject of a statement of its own, not of a continuing verb.
fn clause_after_comma(p: &Prepared, rules: &LangRules, k: usize) -> Option<usize> {
    let mut i = k;
    loop {
        if i > 0 && p.tokens[i - 1].is_punct(",") {
            return Some(i - 1);
        }
        // a discourse word (or phrase) that ends right before `i`
        let back = (i.saturating_sub(3)..i).find(|&j| {
            rules
                .discourse
                .longest_at(&p.tokens, j, Clitics::Conj)
                .is_some_and(|h| h.end() == i)
        });
        match back {
            Some(j) => i = j,
            None => return None,
        }
    }
}

/// The cues of a clause, in order.
fn cues_in<'r>(
    p: &Prepared,
    rules: &'r LangRules,
    seg: Range<usize>,
) -> Vec<(Range<usize>, &'r CueInfo)> {
    rules
        .cues
        .scan(&p.tokens, seg, Clitics::Conj)
        .into_iter()
        // "a proposal supported by Egypt": a participle with its agent states nothing
        .filter(|h| {
            rules
                .passive
                .longest_at(&p.tokens, h.end(), Clitics::None)
                .is_none()
        })
        .map(|h| (h.start..h.end(), &rules.cue_info[*h.value as usize]))
        .collect()
}

fn segment_claims<'r>(
    p: &Prepared,
    rules: &'r LangRules,
    sentence: &Sentence,
    seg: Range<usize>,
    drafts: &mut Vec<Draft<'r>>,
    mentions: &Mentions,
) {
    let first_here = drafts.len();
    let order = rules.order;
    // the verb a source phrase reads through ("بحسب ما أكده الوزير") is no cue of its own
    let mut consumed = 0;
    for (cue, info) in cues_in(p, rules, seg.clone()) {
        if cue.start < consumed {
            continue;
        }
        let quoted = p.in_quote[cue.start];
        let found = frames::speaker(
            p,
            rules,
            order,
            &cue,
            info,
            seg.clone(),
            sentence,
            drafts,
            mentions,
        );
        if info.frame == Frame::Source {
            consumed = found.as_ref().map_or(0, |(z, _, _)| z.tokens.start);
        }
        if let Some(r) = info.requires
            && !requirement_met(r, p, rules, &cue, seg.clone(), found.as_ref())
        {
            continue;
        }
        let prev_here = drafts.len() > first_here;
        let t = Trailing {
            cue: &cue,
            info,
            seg: seg.clone(),
            found: found.as_ref(),
            first_here,
        };
        if trailing::read(p, rules, order, t, drafts, mentions) {
            continue;
        }
        let draft = match found {
            Some((zone, how, from)) => {
                let zone = resolve_anaphor(zone, drafts, mentions);
                if prev_here {
                    let prev = drafts.last().expect("a draft in this clause");
                    let relay = zone.identified()
                        && is_relay(&prev.speaker)
                        && zone.name != prev.speaker.name;
                    if relay {
                        let outer = drafts.pop().expect("checked");
                        let mut d = new_draft(p, rules, cue, info, zone, How::Relay, from, seg.end);
                        d.notes.push(format!("relayed by {}", outer.speaker.name));
                        push(drafts, d, first_here);
                        continue;
                    }
                    if zone.name == prev.speaker.name {
                        let comma = (how == How::Pronoun)
                            .then(|| clause_after_comma(p, rules, zone.tokens.start))
                            .flatten();
                        if let Some(comma) = comma {
                            // "While the statement confirmed that ..., it rejected ...": a
                            // pronoun subject after a comma opens a statement of its own
                            let prev = drafts.last_mut().expect("checked");
                            prev.content.end = prev.content.end.min(comma).max(prev.content.start);
                            let mut d = new_draft(p, rules, cue, info, zone, how, from, seg.end);
                            d.notes.push("a second clause of the same speaker".into());
                            push(drafts, d, first_here);
                        } else {
                            merge_into_last(p, drafts, info, cue.start, seg.end);
                        }
                        continue;
                    }
                    if quoted || owns_position(p, prev, info, cue.start) {
                        if zone.identified() && info.frame == Frame::Verb {
                            report_inside_last(drafts, info, &zone.name, seg.end);
                        } else {
                            merge_into_last(p, drafts, info, cue.start, seg.end);
                        }
                        continue;
                    }
                } else if quoted {
                    continue;
                }
                // "According to the statement, the envoy brought up X, but he also admitted Y":
                // a pronoun for someone the source reports on goes on with the source's report
                let (zone, how) = match reporting_source(p, rules, sentence, drafts, &zone, how) {
                    Some(source) => (source, How::Antecedent),
                    None => (zone, how),
                };
                // a source phrase at the end of its clause reports what came before it
                let from = if info.frame == Frame::Source && !content_follows(p, from, seg.end) {
                    seg.start
                } else {
                    from
                };
                let mut d = new_draft(p, rules, cue.clone(), info, zone, how, from, seg.end);
                if info.frame == Frame::Source && d.content.start == seg.start {
                    d.content = seg.start..cue.start;
                    d.start = seg.start;
                }
                if order == WordOrder::SubjectFirst && info.frame == Frame::Verb {
                    verb::attach_quote_before(p, &mut d, seg.clone());
                }
                d
            }
            None => {
                if quoted {
                    continue;
                }
                if prev_here {
                    let prev = drafts.last().expect("checked");
                    if coordinated(p, rules, &cue, info) && opened(p, prev) {
                        // "قالت الوزارة إن ...، ولفتت إلى أن ...": a second statement of its own
                        let zone = prev.speaker.clone();
                        let mut d = new_draft(
                            p,
                            rules,
                            cue.clone(),
                            info,
                            zone,
                            How::Antecedent,
                            cue.end,
                            seg.end,
                        );
                        d.notes
                            .push("a second coordinated cue of the same speaker".into());
                        push(drafts, d, first_here);
                    } else {
                        merge_into_last(p, drafts, info, cue.start, seg.end);
                    }
                    continue;
                }
                let Some((zone, how)) =
                    implicit_speaker(p, rules, &cue, seg.clone(), sentence, drafts, mentions)
                else {
                    continue;
                };
                let mut d = new_draft(p, rules, cue.clone(), info, zone, how, cue.end, seg.end);
                d.named_here = false;
                d
            }
        };
        push(drafts, draft, first_here);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_starting_at_the_same_place_get_distinct_ids() {
        let rules = crate::rules::RuleSet::embedded().expect("built-in rules");
        let lr = rules.lang("ar");
        let p = crate::text::prepare("قال مسؤول عراقي إن الحدود آمنة.", lr);
        let mut found = claims("d", &p, lr);
        assert_eq!(found.len(), 1);
        found.push(found[0].clone());
        found.push(found[0].clone());
        unique_ids(&mut found);
        let ids: Vec<&str> = found.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["d-c0", "d-c0-2", "d-c0-3"]);
    }
}
