//! The serde shapes of the rule files, one struct per file. Closed sets (stances, speaker kinds,
//! conflict kinds, meeting formats and statuses, place kinds) are typed enums, so an unknown name is a load error with its position. The
//! shapes are grouped by the stage that reads them: claims, events, comparison.

mod claims;
mod compare;
mod events;

pub use claims::{
    ClaimExample, CueEntry, CuesFile, Frame, FurnitureFile, HeadEntry, HeadsFile, MarkerEntry,
    MarkerPlace, MarkersFile, OutletEntry, OutletsFile, PeopleFile, PersonEntry, Requirement,
    SegmentFile, StateEntry, StatesFile, TopicEntry, TopicsFile,
};
pub use compare::{
    ConflictEntry, ConflictExample, ConflictsFile, OppositionEntry, PairExample, PairThresholds,
    PairsFile,
};
pub use events::{
    DatesFile, MeetingEntry, MeetingStatus, MeetingsFile, PlaceEntry, PlaceKind, PlacesFile,
    RelativeEntry, TaggedForms,
};
