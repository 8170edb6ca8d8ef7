//! The serde shapes of the entity registry under `rules/common/`: states, people, outlets,
//! places and topics, each entry once for every language, with its written forms per language
//! side by side (`forms.ar = [...]`, `forms.en = [...]`).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::events::PlaceKind;

/// Written forms by language code (`forms.ar`, `forms.en`).
pub type ByLanguage = BTreeMap<String, Vec<Spanned<String>>>;

/// Why an entry has no form in a language, by language code (`missing.ar = "..."`).
pub type Missing = BTreeMap<String, Spanned<String>>;

/// The forms of one language in a per-language list (none when the entry has none).
pub fn in_language<'a>(forms: &'a ByLanguage, code: &str) -> &'a [Spanned<String>] {
    forms.get(code).map_or(&[], Vec::as_slice)
}

/// One state.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateEntry {
    /// ISO 3166-1 alpha-2 code.
    pub party: Spanned<String>,
    /// English name.
    pub name: String,
    /// The state's names.
    #[serde(default)]
    pub names: ByLanguage,
    /// Capitals and seats of power.
    #[serde(default)]
    pub seats: ByLanguage,
    /// Nationality adjectives (base forms).
    #[serde(default)]
    pub adjectives: ByLanguage,
    /// Further adjective forms, as written.
    #[serde(default)]
    pub forms: ByLanguage,
    /// Why a language has no form.
    #[serde(default)]
    pub missing: Missing,
}

/// common/states.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatesFile {
    /// The states.
    #[serde(default)]
    pub state: Vec<StateEntry>,
}

/// One person.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    /// Canonical name: the speaker's id in every language.
    pub name: Spanned<String>,
    /// The state the person speaks for.
    pub party: Option<Spanned<String>>,
    /// Office, free text.
    #[serde(default)]
    pub office: String,
    /// Meeting level.
    pub level: Option<String>,
    /// The movement a person of no state speaks for (a head with `movement = true`).
    pub affiliation: Option<String>,
    /// Ways the name is written, per language.
    #[serde(default)]
    pub forms: ByLanguage,
    /// Why a language has no form.
    #[serde(default)]
    pub missing: Missing,
}

/// common/people.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeopleFile {
    /// The people.
    #[serde(default)]
    pub person: Vec<PersonEntry>,
}

/// One news outlet.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutletEntry {
    /// Canonical name.
    pub name: Spanned<String>,
    /// State, for state media and national papers.
    pub party: Option<Spanned<String>>,
    /// Forms as written, per language.
    #[serde(default)]
    pub forms: ByLanguage,
    /// Why a language has no form.
    #[serde(default)]
    pub missing: Missing,
}

/// common/outlets.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutletsFile {
    /// The outlets.
    #[serde(default)]
    pub outlet: Vec<OutletEntry>,
}

/// One place of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceEntry {
    /// Place id.
    pub id: Spanned<String>,
    /// English name.
    pub name: String,
    /// State it lies in.
    pub state: Option<String>,
    /// City, base, region or country.
    #[serde(default)]
    pub kind: Option<PlaceKind>,
    /// Forms as written, per language.
    #[serde(default)]
    pub forms: ByLanguage,
    /// Why a language has no form.
    #[serde(default)]
    pub missing: Missing,
}

/// common/places.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    /// The places.
    #[serde(default)]
    pub place: Vec<PlaceEntry>,
}

/// One topic concept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicEntry {
    /// Concept id.
    pub id: Spanned<String>,
    /// Word stems (prefix match), per language.
    #[serde(default)]
    pub stems: ByLanguage,
    /// Phrases as written, per language.
    #[serde(default)]
    pub phrases: ByLanguage,
    /// Why a language has no form.
    #[serde(default)]
    pub missing: Missing,
}

/// common/topics.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicsFile {
    /// The topics.
    #[serde(default)]
    pub topic: Vec<TopicEntry>,
}
