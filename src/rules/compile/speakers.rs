//! Compiling the files a speaker and a claim are read with: cues (every conjugated form of each
//! stem, with the cue's examples), states, people, heads, outlets, stance markers and topics.

use toml::Spanned;

use super::check::Checker;
use crate::rules::LocatedExample;
use crate::rules::lang::{Atom, CueInfo, HeadInfo, LangRules, OutletInfo, PersonInfo, StateInfo};
use crate::rules::schema::{
    ClaimExample, CueEntry, CuesFile, HeadsFile, MarkersFile, OutletsFile, PeopleFile, StatesFile,
    TopicsFile, in_language,
};
use crate::text::fold::key;

pub(super) fn add_cues(l: &mut LangRules, f: CuesFile, c: &mut Checker) {
    for mut cue in f.cue {
        let lemma = c.form(&cue.lemma, "lemma");
        let rule = format!("{}.cue.{}", l.code, lemma);
        add_examples(l, std::mem::take(&mut cue.example), c);
        let info = |participle| CueInfo {
            lemma: lemma.clone(),
            stance: cue.stance,
            frame: cue.frame,
            requires: cue.requires,
            rule: rule.clone(),
            participle,
        };
        let finite = l.cue_info.len() as u32;
        l.cue_info.push(info(false));
        let part = l.cue_info.len() as u32;
        l.cue_info.push(info(true));
        let mut forms = cue_forms(&cue, finite, part, c);
        leave_out(&mut forms, &cue.except, c);
        for (f, idx) in forms {
            l.cues.insert(&f, idx);
        }
    }
}

/// A cue's examples, each with the line it is written at, for the examples test.
fn add_examples(l: &mut LangRules, examples: Vec<ClaimExample>, c: &Checker) {
    for ex in examples {
        let origin = c.line(ex.text.span().start);
        l.examples.push(LocatedExample {
            origin,
            lang: l.code.clone(),
            example: ex,
        });
    }
}

/// Every surface form of a cue with the entry it stands for (`finite` or `part`): Arabic past and
/// present stems conjugated, participles inflected, and its listed forms as written.
fn cue_forms(cue: &CueEntry, finite: u32, part: u32, c: &mut Checker) -> Vec<(String, u32)> {
    let mut forms: Vec<(String, u32)> = Vec::new();
    for s in &cue.past {
        let s = c.form(s, "");
        forms.extend(c.morph.past(&s).into_iter().map(|f| (f, finite)));
    }
    for s in &cue.present {
        let s = c.form(s, "");
        forms.extend(c.morph.present(&s).into_iter().map(|f| (f, finite)));
    }
    for s in &cue.participle {
        let s = c.form(s, "");
        let generated = c.morph.participle(&s);
        forms.extend(generated.into_iter().map(|f| (f, part)));
    }
    for s in &cue.forms {
        forms.push((c.form(s, ""), finite));
    }
    forms
}

/// Removes the forms a cue's `except` names; naming one it does not have is an error.
fn leave_out(forms: &mut Vec<(String, u32)>, except: &[Spanned<String>], c: &mut Checker) {
    for x in except {
        let k = key(x.get_ref());
        if !forms.iter().any(|(f, _)| key(f) == k) {
            c.errors.push(c.src.error(
                x.span().start,
                format!(
                    "except '{}' is not a form of this cue: nothing to leave out",
                    x.get_ref()
                ),
            ));
        }
        forms.retain(|(f, _)| key(f) != k);
    }
}

pub(super) fn add_states(l: &mut LangRules, f: StatesFile, c: &mut Checker) {
    let code = l.code.clone();
    for s in f.state {
        let lists = [&s.names, &s.seats, &s.adjectives, &s.forms];
        c.languages(&code, s.party.span().start, &lists, &s.missing);
        let party = c.party(&s.party);
        let idx = l.states.len() as u32;
        l.states.push(StateInfo {
            party,
            name: s.name,
        });
        for n in in_language(&s.names, &code) {
            let w = c.form(n, "");
            l.speakers.insert(&w, Atom::StateName(idx));
        }
        for n in in_language(&s.seats, &code) {
            let w = c.form(n, "");
            l.speakers.insert(&w, Atom::Seat(idx));
        }
        for a in in_language(&s.adjectives, &code) {
            let w = c.form(a, "");
            let forms = c.morph.adjective(&w);
            for form in forms {
                l.speakers.insert(&form, Atom::Adjective(idx));
            }
        }
        for a in in_language(&s.forms, &code) {
            let w = c.form(a, "");
            l.speakers.insert(&w, Atom::Adjective(idx));
        }
    }
}

pub(super) fn add_people(l: &mut LangRules, f: PeopleFile, c: &mut Checker) {
    let code = l.code.clone();
    for p in f.person {
        c.languages(&code, p.name.span().start, &[&p.forms], &p.missing);
        let party = p.party.as_ref().map(|x| c.party(x));
        let idx = l.people.len() as u32;
        l.people.push(PersonInfo {
            name: p.name.get_ref().clone(),
            party,
            office: p.office,
            level: p.level,
            affiliation: p.affiliation,
        });
        for form in in_language(&p.forms, &code) {
            let w = c.form(form, "");
            l.speakers.insert(&w, Atom::Person(idx));
        }
    }
}

pub(super) fn add_heads(l: &mut LangRules, f: HeadsFile, c: &mut Checker) {
    for h in f.head {
        let idx = l.heads.len() as u32;
        l.heads.push(HeadInfo {
            name: h.name,
            kind: h.kind,
            level: h.level,
            anaphoric: h.anaphoric,
            portfolio: h.portfolio,
            movement: h.movement,
        });
        for form in &h.forms {
            let w = c.form(form, "");
            l.speakers.insert(&w, Atom::Head(idx));
        }
    }
}

pub(super) fn add_outlets(l: &mut LangRules, f: OutletsFile, c: &mut Checker) {
    let code = l.code.clone();
    for o in f.outlet {
        c.languages(&code, o.name.span().start, &[&o.forms], &o.missing);
        let party = o.party.as_ref().map(|x| c.party(x));
        let idx = l.outlets.len() as u32;
        l.outlets.push(OutletInfo {
            name: o.name.get_ref().clone(),
            party,
        });
        for form in in_language(&o.forms, &code) {
            let w = c.form(form, "");
            l.speakers.insert(&w, Atom::Outlet(idx));
        }
    }
}

pub(super) fn add_markers(l: &mut LangRules, f: MarkersFile, c: &mut Checker) {
    for m in f.marker {
        for ex in m.example {
            let origin = c.line(ex.text.span().start);
            l.examples.push(LocatedExample {
                origin,
                lang: l.code.clone(),
                example: ex,
            });
        }
        for w in &m.words {
            let w = c.form(w, "");
            let forms = c.morph.noun(&w);
            for form in forms {
                l.markers.insert(&form, (m.stance, m.at));
            }
        }
        for p in &m.phrases {
            let p = c.form(p, "");
            l.markers.insert(&p, (m.stance, m.at));
        }
    }
}

pub(super) fn add_topics(l: &mut LangRules, f: TopicsFile, c: &mut Checker) {
    let code = l.code.clone();
    let mut stems: Vec<String> = Vec::new();
    for t in f.topic {
        c.languages(
            &code,
            t.id.span().start,
            &[&t.stems, &t.phrases],
            &t.missing,
        );
        let idx = l.topic_ids.len() as u32;
        l.topic_ids.push(c.form(&t.id, "id"));
        for s in in_language(&t.stems, &code) {
            let s = c.form(s, "");
            stems.push(key(&s));
            l.topic_of_stem.push(idx);
        }
        for p in in_language(&t.phrases, &code) {
            let p = c.form(p, "");
            l.topic_phrases.insert(&p, idx);
        }
    }
    l.topic_stems = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(&stems)
        .ok();
}
