//! Compiles one language folder's parsed files into lexicons, validating as it goes: duplicate
//! written forms, diacritics or tatweel in Arabic entries, malformed party codes.

use std::collections::HashMap;

use toml::Spanned;

use super::LocatedExample;
use super::lexicon::{HeadIndex, Indexed, Lexicon};
use super::load::{RuleError, Source};
use super::morph;
use super::schema::*;
use crate::model::{SpeakerKind, Stance};
use crate::text::fold::{is_arabic_mark, key};

/// What a cue lexicon entry stands for.
#[derive(Debug, Clone)]
pub struct CueInfo {
    /// Dictionary form.
    pub lemma: String,
    /// Default stance.
    pub stance: Stance,
    /// How it introduces its speaker.
    pub frame: Frame,
    /// Extra condition.
    pub requires: Option<Requirement>,
    /// Rule id (`ar.cue.قال`).
    pub rule: String,
    /// Whether this surface form is a participle (continues a statement).
    pub participle: bool,
}

/// A state.
#[derive(Debug, Clone)]
pub struct StateInfo {
    /// ISO code.
    pub party: String,
    /// English name.
    pub name: String,
}

/// A named person.
#[derive(Debug, Clone)]
pub struct PersonInfo {
    /// Canonical name.
    pub name: String,
    /// State spoken for.
    pub party: Option<String>,
    /// Office.
    pub office: String,
    /// Meeting level.
    pub level: Option<String>,
}

/// A speaker head noun.
#[derive(Debug, Clone)]
pub struct HeadInfo {
    /// Canonical label.
    pub name: String,
    /// Kind.
    pub kind: SpeakerKind,
    /// Meeting level.
    pub level: Option<String>,
    /// Whether it refers back.
    pub anaphoric: bool,
    /// Whether a portfolio may stand between it and its state.
    pub portfolio: bool,
}

/// A news outlet.
#[derive(Debug, Clone)]
pub struct OutletInfo {
    /// Canonical name.
    pub name: String,
    /// State, for state media.
    pub party: Option<String>,
}

/// A place of the gazetteer.
#[derive(Debug, Clone)]
pub struct PlaceInfo {
    /// Place id.
    pub id: String,
    /// English name.
    pub name: String,
    /// State.
    pub state: Option<String>,
    /// Kind.
    pub kind: String,
}

/// A relative date offset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RelDate {
    /// Days.
    pub days: i64,
    /// Weeks.
    pub weeks: i64,
    /// Months.
    pub months: i64,
    /// Years.
    pub years: i64,
}

/// One word of a speaker phrase, as the speaker lexicon knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Atom {
    /// A named person (index into `people`).
    Person(u32),
    /// A head noun (index into `heads`).
    Head(u32),
    /// A named outlet (index into `outlets`).
    Outlet(u32),
    /// A state's name (index into `states`).
    StateName(u32),
    /// A capital or seat of power.
    Seat(u32),
    /// A nationality adjective.
    Adjective(u32),
}

/// One language's compiled rules.
#[derive(Debug, Clone, Default)]
pub struct LangRules {
    /// Language code.
    pub code: String,
    /// Cue surface forms.
    pub cues: Lexicon<u32>,
    /// What each cue is.
    pub cue_info: Vec<CueInfo>,
    /// Speaker words.
    pub speakers: Lexicon<Atom>,
    /// States.
    pub states: Vec<StateInfo>,
    /// People.
    pub people: Vec<PersonInfo>,
    /// Heads.
    pub heads: Vec<HeadInfo>,
    /// Outlets.
    pub outlets: Vec<OutletInfo>,
    /// Stance markers.
    pub markers: Lexicon<(Stance, MarkerPlace)>,
    /// Topic stems (folded), matched as word prefixes by one anchored automaton.
    pub topic_stems: Option<aho_corasick::AhoCorasick>,
    /// The topic index of each stem pattern.
    pub topic_of_stem: Vec<u32>,
    /// Topic phrases.
    pub topic_phrases: Lexicon<u32>,
    /// Topic ids.
    pub topic_ids: Vec<String>,
    /// Contrast words.
    pub contrast: Lexicon<()>,
    /// Content openers.
    pub openers: Lexicon<()>,
    /// Content prepositions.
    pub prepositions: Lexicon<()>,
    /// Relative pronouns.
    pub relative: Lexicon<()>,
    /// Back-referring pronouns.
    pub pronouns: Lexicon<()>,
    /// Auxiliaries before a subject.
    pub aux: Lexicon<()>,
    /// Words attaching a head to a state or institution.
    pub joiners: Lexicon<()>,
    /// Words adding a second speaker further on.
    pub alongside: Lexicon<()>,
    /// Discourse words before a clause-opening cue.
    pub discourse: Lexicon<()>,
    /// Whether the subject comes before the verb (English).
    pub subject_first: bool,
    /// Words joining two speakers ("and").
    pub conjunctions: Lexicon<()>,
    /// Furniture line starts (folded).
    pub furniture_lines: Vec<String>,
    /// Furniture phrases (folded).
    pub furniture_phrases: Vec<String>,
    /// Meeting words → kind.
    pub meetings: Lexicon<String>,
    /// Level words → level id.
    pub levels: Lexicon<String>,
    /// Format words → (id, parties).
    pub formats: Lexicon<(String, usize)>,
    /// Status words → status id.
    pub statuses: Lexicon<String>,
    /// Verbs of hosting.
    pub hosts: Lexicon<()>,
    /// Agenda words (discussed, focused on).
    pub agenda: Lexicon<()>,
    /// Places.
    pub places: Lexicon<u32>,
    /// Place details.
    pub place_info: Vec<PlaceInfo>,
    /// Month names → month number.
    pub months: Lexicon<u8>,
    /// Month names read only beside a day or a year number → month number.
    pub months_with_number: Lexicon<u8>,
    /// Month names that shorten a longer name of the same month ("jan", "sept"; folded): a dot
    /// after one ends no sentence.
    pub month_abbreviations: Vec<String>,
    /// Weekday names → ISO weekday.
    pub weekdays: Lexicon<u8>,
    /// Relative date expressions.
    pub relative_dates: Lexicon<RelDate>,
    /// Month parts (early, mid, late).
    pub date_parts: Lexicon<()>,
    /// Claim examples.
    pub examples: Vec<LocatedExample>,
    /// Which lexicons can match at a word, shared by all languages of the rule set.
    pub head_index: std::sync::Arc<HeadIndex>,
    /// The sentence-pair comparator's file (compiled by `pairs::PairRules`), and where each of its
    /// examples is written (`rules/ar/pairs.toml:12`).
    pub pairs: (PairsFile, Vec<String>),
}

impl LangRules {
    /// Every lexicon, in an order that is the same for every language (bits of the head index).
    pub fn lexicons_mut(&mut self) -> Vec<&mut dyn Indexed> {
        vec![
            &mut self.cues,
            &mut self.speakers,
            &mut self.markers,
            &mut self.topic_phrases,
            &mut self.contrast,
            &mut self.openers,
            &mut self.prepositions,
            &mut self.relative,
            &mut self.pronouns,
            &mut self.aux,
            &mut self.joiners,
            &mut self.alongside,
            &mut self.discourse,
            &mut self.conjunctions,
            &mut self.meetings,
            &mut self.levels,
            &mut self.formats,
            &mut self.statuses,
            &mut self.hosts,
            &mut self.agenda,
            &mut self.places,
            &mut self.months,
            &mut self.months_with_number,
            &mut self.weekdays,
            &mut self.relative_dates,
            &mut self.date_parts,
        ]
    }
}

/// Tracks written forms of one file to report duplicates and unclean entries.
struct Checker<'a> {
    src: &'a Source,
    seen: HashMap<String, usize>,
    arabic: bool,
    errors: &'a mut Vec<RuleError>,
}

impl<'a> Checker<'a> {
    fn new(src: &'a Source, arabic: bool, errors: &'a mut Vec<RuleError>) -> Self {
        Checker {
            src,
            seen: HashMap::new(),
            arabic,
            errors,
        }
    }

    /// Validates a written form and returns it; `scope` separates lists that may share forms.
    fn form(&mut self, f: &Spanned<String>, scope: &str) -> String {
        let at = f.span().start;
        let s = f.get_ref();
        if s.trim().is_empty() {
            self.errors
                .push(self.src.error(at, "empty entry: expected a word or phrase"));
        }
        if self.arabic && s.chars().any(is_arabic_mark) {
            self.errors.push(self.src.error(
                at,
                format!("'{s}' has diacritics or tatweel: write entries without them"),
            ));
        }
        let k = format!("{scope}\u{1}{}", key(s));
        // remember the byte offset; a line number is worked out only for an error (cheap loads)
        if let Some(first) = self.seen.insert(k, at) {
            let (line, col) = self.src.line_col(first);
            self.errors.push(self.src.error(
                at,
                format!("duplicate entry '{s}' (first at line {line}, column {col}; entries are compared after folding)"),
            ));
        }
        s.clone()
    }

    fn party(&mut self, p: &Spanned<String>) -> String {
        let s = p.get_ref();
        if s.len() != 2 || !s.chars().all(|c| c.is_ascii_uppercase()) {
            self.errors.push(self.src.error(
                p.span().start,
                format!("party '{s}' is not an ISO 3166-1 alpha-2 code (two capital letters)"),
            ));
        }
        s.clone()
    }

    fn line(&self, at: usize) -> String {
        format!("{}:{}", self.src.shown, self.src.line_col(at).0)
    }
}

fn parse<T: serde::de::DeserializeOwned + Default>(
    src: Option<&&Source>,
    errors: &mut Vec<RuleError>,
) -> T {
    match src.map(|s| s.parse::<T>()) {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            errors.push(e);
            T::default()
        }
        None => T::default(),
    }
}

/// Compiles the files of language `code`.
pub fn compile_lang(
    code: &str,
    files: &HashMap<&str, &Source>,
    errors: &mut Vec<RuleError>,
) -> LangRules {
    let mut l = LangRules {
        code: code.to_string(),
        ..Default::default()
    };
    let arabic = code == "ar";
    let get = |name: &str| files.get(format!("{code}/{name}").as_str()).copied();
    if let Some(src) = get("cues.toml") {
        let f: CuesFile = parse(Some(&src), errors);
        add_cues(&mut l, f, &mut Checker::new(src, arabic, errors));
    }
    if let Some(src) = get("pairs.toml") {
        let f: PairsFile = parse(Some(&src), errors);
        l.pairs = check_pairs(f, &mut Checker::new(src, arabic, errors));
    }
    if let Some(src) = get("states.toml") {
        let f: StatesFile = parse(Some(&src), errors);
        add_states(&mut l, f, &mut Checker::new(src, arabic, errors));
    }
    if let Some(src) = get("people.toml") {
        let f: PeopleFile = parse(Some(&src), errors);
        let mut c = Checker::new(src, arabic, errors);
        for p in f.person {
            let party = p.party.as_ref().map(|x| c.party(x));
            let idx = l.people.len() as u32;
            l.people.push(PersonInfo {
                name: p.name,
                party,
                office: p.office,
                level: p.level,
            });
            for form in &p.forms {
                let w = c.form(form, "");
                l.speakers.insert(&w, Atom::Person(idx));
            }
        }
    }
    if let Some(src) = get("heads.toml") {
        let f: HeadsFile = parse(Some(&src), errors);
        let mut c = Checker::new(src, arabic, errors);
        for h in f.head {
            let idx = l.heads.len() as u32;
            l.heads.push(HeadInfo {
                name: h.name,
                kind: h.kind,
                level: h.level,
                anaphoric: h.anaphoric,
                portfolio: h.portfolio,
            });
            for form in &h.forms {
                let w = c.form(form, "");
                l.speakers.insert(&w, Atom::Head(idx));
            }
        }
    }
    if let Some(src) = get("outlets.toml") {
        let f: OutletsFile = parse(Some(&src), errors);
        let mut c = Checker::new(src, arabic, errors);
        for o in f.outlet {
            let party = o.party.as_ref().map(|x| c.party(x));
            let idx = l.outlets.len() as u32;
            l.outlets.push(OutletInfo {
                name: o.name,
                party,
            });
            for form in &o.forms {
                let w = c.form(form, "");
                l.speakers.insert(&w, Atom::Outlet(idx));
            }
        }
    }
    if let Some(src) = get("markers.toml") {
        let f: MarkersFile = parse(Some(&src), errors);
        let mut c = Checker::new(src, arabic, errors);
        for m in f.marker {
            for w in &m.words {
                let w = c.form(w, "");
                let forms = if arabic {
                    morph::noun(&w)
                } else {
                    vec![key(&w)]
                };
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
    if let Some(src) = get("topics.toml") {
        let f: TopicsFile = parse(Some(&src), errors);
        let mut c = Checker::new(src, arabic, errors);
        let mut stems: Vec<String> = Vec::new();
        for t in f.topic {
            let idx = l.topic_ids.len() as u32;
            l.topic_ids.push(c.form(&t.id, "id"));
            for s in &t.stems {
                let s = c.form(s, "");
                stems.push(key(&s));
                l.topic_of_stem.push(idx);
            }
            for p in &t.phrases {
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
    if let Some(src) = get("segment.toml") {
        let f: SegmentFile = parse(Some(&src), errors);
        add_segment(&mut l, f, &mut Checker::new(src, arabic, errors));
    }
    if let Some(src) = get("furniture.toml") {
        let f: FurnitureFile = parse(Some(&src), errors);
        let mut c = Checker::new(src, false, errors);
        l.furniture_lines = f.lines.iter().map(|x| key(&c.form(x, "l"))).collect();
        l.furniture_phrases = f.phrases.iter().map(|x| key(&c.form(x, "p"))).collect();
    }
    if let Some(src) = get("meetings.toml") {
        let f: MeetingsFile = parse(Some(&src), errors);
        add_meetings(&mut l, f, &mut Checker::new(src, arabic, errors));
    }
    if let Some(src) = get("places.toml") {
        let f: PlacesFile = parse(Some(&src), errors);
        let mut c = Checker::new(src, arabic, errors);
        for p in f.place {
            let idx = l.place_info.len() as u32;
            let id = c.form(&p.id, "id");
            l.place_info.push(PlaceInfo {
                id,
                name: p.name,
                state: p.state,
                kind: p.kind,
            });
            for form in &p.forms {
                let w = c.form(form, "");
                l.places.insert(&w, idx);
            }
        }
    }
    if let Some(src) = get("dates.toml") {
        let f: DatesFile = parse(Some(&src), errors);
        add_dates(&mut l, f, &mut Checker::new(src, arabic, errors));
    }
    l
}

fn add_cues(l: &mut LangRules, f: CuesFile, c: &mut Checker) {
    let arabic = c.arabic;
    for cue in f.cue {
        let lemma = c.form(&cue.lemma, "lemma");
        let rule = format!("{}.cue.{}", l.code, lemma);
        for ex in cue.example {
            let origin = c.line(ex.text.span().start);
            l.examples.push(LocatedExample {
                origin,
                lang: l.code.clone(),
                example: ex,
            });
        }
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
        let mut forms: Vec<(String, u32)> = Vec::new();
        for s in &cue.past {
            let s = c.form(s, "");
            if arabic {
                forms.extend(morph::past(&s).into_iter().map(|f| (f, finite)));
            }
        }
        for s in &cue.present {
            let s = c.form(s, "");
            if arabic {
                forms.extend(morph::present(&s).into_iter().map(|f| (f, finite)));
            }
        }
        for s in &cue.participle {
            let s = c.form(s, "");
            let generated = if arabic {
                morph::participle(&s)
            } else {
                vec![key(&s)]
            };
            forms.extend(generated.into_iter().map(|f| (f, part)));
        }
        for s in &cue.forms {
            forms.push((c.form(s, ""), finite));
        }
        for x in &cue.except {
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
        for (f, idx) in forms {
            l.cues.insert(&f, idx);
        }
    }
}

fn add_states(l: &mut LangRules, f: StatesFile, c: &mut Checker) {
    for s in f.state {
        let party = c.party(&s.party);
        let idx = l.states.len() as u32;
        l.states.push(StateInfo {
            party,
            name: s.name,
        });
        for n in &s.names {
            let w = c.form(n, "");
            l.speakers.insert(&w, Atom::StateName(idx));
        }
        for n in &s.seats {
            let w = c.form(n, "");
            l.speakers.insert(&w, Atom::Seat(idx));
        }
        for a in &s.adjectives {
            let w = c.form(a, "");
            let forms = if c.arabic {
                morph::adjective(&w)
            } else {
                vec![key(&w)]
            };
            for form in forms {
                l.speakers.insert(&form, Atom::Adjective(idx));
            }
        }
        for a in &s.forms {
            let w = c.form(a, "");
            l.speakers.insert(&w, Atom::Adjective(idx));
        }
    }
}

fn add_segment(l: &mut LangRules, f: SegmentFile, c: &mut Checker) {
    let arabic = c.arabic;
    let mut fill = |lx: &mut Lexicon<()>, list: &[Spanned<String>], scope: &str, pronouns: bool| {
        for w in list {
            let w = c.form(w, scope);
            lx.insert(&w, ());
            if pronouns && arabic && !w.contains(' ') {
                for p in ["ه", "ها", "هم", "هما", "نا", "ني"] {
                    lx.insert(&format!("{w}{p}"), ());
                }
            }
        }
    };
    fill(&mut l.contrast, &f.contrast, "contrast", true);
    fill(&mut l.openers, &f.openers, "openers", true);
    fill(&mut l.prepositions, &f.prepositions, "prepositions", false);
    fill(&mut l.relative, &f.relative, "relative", false);
    fill(&mut l.pronouns, &f.pronouns, "pronouns", false);
    fill(&mut l.aux, &f.verbs_before_subject, "aux", false);
    fill(&mut l.joiners, &f.joiners, "joiners", false);
    fill(&mut l.alongside, &f.alongside, "alongside", false);
    fill(&mut l.discourse, &f.discourse, "discourse", false);
    fill(&mut l.conjunctions, &f.conjunctions, "conjunctions", false);
    l.subject_first = f.subject_first;
}

fn add_meetings(l: &mut LangRules, f: MeetingsFile, c: &mut Checker) {
    for m in f.meeting {
        for w in &m.forms {
            let w = c.form(w, "meeting");
            l.meetings.insert(&w, m.kind.clone());
        }
    }
    for t in f.level {
        for w in &t.forms {
            let w = c.form(w, "level");
            l.levels.insert(&w, t.id.clone());
        }
    }
    for t in f.format {
        for w in &t.forms {
            let w = c.form(w, "format");
            l.formats.insert(&w, (t.id.clone(), t.parties.unwrap_or(0)));
        }
    }
    for t in f.status {
        for w in &t.forms {
            let w = c.form(w, "status");
            l.statuses.insert(&w, t.id.clone());
        }
    }
    for w in &f.agenda {
        let w = c.form(w, "agenda");
        let forms = match (c.arabic, key(&w).starts_with('ي')) {
            (true, true) => morph::present(&w),
            (true, false) => morph::past(&w),
            _ => vec![key(&w)],
        };
        for form in forms {
            l.agenda.insert(&form, ());
        }
    }
    for w in &f.hosts {
        let w = c.form(w, "hosts");
        let forms = match (c.arabic, key(&w).starts_with('ي')) {
            (true, true) => morph::present(&w),
            (true, false) => morph::past(&w),
            _ => vec![key(&w)],
        };
        for form in forms {
            l.hosts.insert(&form, ());
        }
    }
}

fn add_dates(l: &mut LangRules, f: DatesFile, c: &mut Checker) {
    add_months(&mut l.months, &f.months, c);
    l.month_abbreviations = abbreviations(&f.months);
    add_months(&mut l.months_with_number, &f.months_with_number, c);
    for (num, names) in &f.weekdays {
        let n: u8 = num.parse().unwrap_or(0);
        for w in names {
            if !(1..=7).contains(&n) {
                c.errors.push(c.src.error(
                    w.span().start,
                    format!("weekday '{num}' is not a number from 1 (Monday) to 7"),
                ));
            }
            let w = c.form(w, "weekday");
            l.weekdays.insert(&w, n);
        }
    }
    for r in &f.relative {
        let rel = RelDate {
            days: r.days.unwrap_or(0),
            weeks: r.weeks.unwrap_or(0),
            months: r.months.unwrap_or(0),
            years: r.years.unwrap_or(0),
        };
        for w in &r.forms {
            let w = c.form(w, "relative");
            l.relative_dates.insert(&w, rel);
        }
    }
    for w in &f.parts {
        let w = c.form(w, "parts");
        l.date_parts.insert(&w, ());
    }
}

fn add_months(
    lexicon: &mut Lexicon<u8>,
    months: &std::collections::BTreeMap<String, Vec<Spanned<String>>>,
    c: &mut Checker,
) {
    for (num, names) in months {
        let n: u8 = num.parse().unwrap_or(0);
        for w in names {
            if !(1..=12).contains(&n) {
                c.errors.push(c.src.error(
                    w.span().start,
                    format!("month '{num}' is not a number from 1 to 12"),
                ));
            }
            let w = c.form(w, "month");
            lexicon.insert(&w, n);
        }
    }
}

/// The Latin names of a month that begin another, longer name of it ("Jan" of "January"),
/// folded. Arabic writes no month with a dot: its short forms (ماي of مايو) are names of their own.
fn abbreviations(months: &std::collections::BTreeMap<String, Vec<Spanned<String>>>) -> Vec<String> {
    let mut out = Vec::new();
    for names in months.values() {
        let keys: Vec<String> = names.iter().map(|n| key(n.get_ref())).collect();
        for k in keys.iter().filter(|k| k.is_ascii()) {
            if keys
                .iter()
                .any(|longer| longer.len() > k.len() && longer.starts_with(k.as_str()))
            {
                out.push(k.clone());
            }
        }
    }
    out
}

/// Validates the entries of pairs.toml and locates its examples.
fn check_pairs(f: PairsFile, c: &mut Checker) -> (PairsFile, Vec<String>) {
    for w in &f.negations {
        c.form(w, "negations");
    }
    for w in &f.stopwords {
        c.form(w, "stopwords");
    }
    for o in &f.opposition {
        let scope = format!("opposition {}", o.id.get_ref());
        for w in o.a.iter().chain(&o.b) {
            c.form(w, &scope);
        }
    }
    let origins = f
        .example
        .iter()
        .map(|e| c.line(e.s1.span().start))
        .collect();
    (f, origins)
}
