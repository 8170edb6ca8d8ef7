//! The serde shapes of the rule files, one struct per file. Closed sets (stances, speaker kinds,
//! conflict kinds, meeting formats and statuses, place kinds) are typed enums, so an unknown name is a load error with its position. The
//! shapes are grouped by the stage that reads them: claims, events, comparison; the entity
//! registry of `rules/common/` has its own module.

mod claims;
mod compare;
mod events;
mod registry;

pub use claims::{
    AffixEntry, ClaimExample, CueEntry, CuesFile, Frame, FurnitureFile, HeadEntry, HeadsFile,
    MarkerEntry, MarkerPlace, MarkersFile, MorphologyFile, NounTable, Requirement, SegmentFile,
    StemTable, VerbTable,
};
pub use compare::{
    ConflictEntry, ConflictExample, ConflictsFile, OppositionEntry, PairExample, PairThresholds,
    PairsFile,
};
pub use events::{
    DatesFile, MeetingEntry, MeetingStatus, MeetingsFile, PlaceKind, RelativeEntry, TaggedForms,
};
pub use registry::{
    ByLanguage, Missing, OutletEntry, OutletsFile, PeopleFile, PersonEntry, PlaceEntry, PlacesFile,
    StateEntry, StatesFile, TopicEntry, TopicsFile, in_language,
};
