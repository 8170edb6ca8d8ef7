//! The state of a document's own outlet. A state agency names itself at the top of its reports
//! ("Tehran, IRNA –", "STOCKHOLM-SABA", a line "Egypt State Information Service (Cairo)"); in
//! its report a state body named without its state ("the Foreign Ministry", "the government's
//! negotiating team") is that state's.

use crate::model::SpeakerKind;
use crate::rules::{Atom, LangRules};
use crate::text::Prepared;
use crate::text::lexicon::Clitics;

use super::speaker::Zone;

/// How many tokens at the top of a document may name its outlet.
const TOP: usize = 40;

/// The state and name of the outlet that signs the document at its top: an outlet of a state
/// next to a dash or a bracket (a dateline), or alone on a line.
pub(super) fn home_state(p: &Prepared, rules: &LangRules) -> Option<(String, String)> {
    let top = p.tokens.len().min(TOP);
    (0..top).find_map(|i| {
        let hit = rules
            .speakers
            .hits_at(&p.tokens, i, Clitics::None)
            .into_iter()
            .find(|h| matches!(h.value, Atom::Outlet(_)))?;
        let Atom::Outlet(k) = *hit.value else {
            return None;
        };
        let outlet = &rules.outlets[k as usize];
        let party = outlet.party.clone()?;
        signs(p, i, i + hit.len).then(|| (party, outlet.name.clone()))
    })
}

/// Whether the outlet at tokens `a..b` signs the text: a dash or bracket beside it, or a line of
/// its own (up to a bracket).
fn signs(p: &Prepared, a: usize, b: usize) -> bool {
    let mark = |k: usize| {
        p.tokens
            .get(k)
            .is_some_and(|t| ["-", "–", "—", "(", ")"].iter().any(|m| t.is_punct(m)))
    };
    let line_break = |from: usize, to: usize| p.chars[from..to].contains(&'\n');
    let before =
        a == 0 || mark(a - 1) || line_break(p.tokens[a - 1].span.end, p.tokens[a].span.start);
    let after = b >= p.tokens.len()
        || mark(b)
        || line_break(p.tokens[b - 1].span.end, p.tokens[b].span.start);
    (before && after) || (a > 0 && mark(a - 1)) || mark(b)
}

/// Gives a state body named without its state the state of the document's outlet.
pub(super) fn of_home(z: &mut Zone, home: Option<&(String, String)>) {
    let Some((party, outlet)) = home else {
        return;
    };
    let body = matches!(z.kind, SpeakerKind::Institution | SpeakerKind::Person)
        && z.head.is_some()
        && !z.named;
    if body && z.parties.is_empty() && z.affiliation.is_none() {
        z.parties = vec![party.clone()];
        z.how = format!(
            "{}; a state body in a report of {outlet}, its state's agency",
            z.how
        );
    }
}
