//! The places the app colours: one colour per place in every chart, table key and text.

/// A place a chart mark belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The United States.
    Us,
    /// China.
    China,
    /// The rest of the world taken as one (the what-if model's third region).
    Rest,
    /// Any other single country or group (Europe, India, Canada, ...), drawn neutral so
    /// that the two places the story is about stand out.
    Other,
    /// No place: a whole sample, a total, a category that is not a country.
    Neutral,
}

impl Place {
    /// The place of a category key of the data (see [`crate::data::labels`]).
    ///
    /// ```
    /// use talent_core::series::place::Place;
    /// assert_eq!(Place::of_key("cn"), Place::China);
    /// assert_eq!(Place::of_key("in"), Place::Other);
    /// ```
    pub fn of_key(key: &str) -> Place {
        match key {
            "us" | "us_2024" => Place::Us,
            "cn" | "cn_2015" | "cn_2024" | "cn_2024_ds" => Place::China,
            "rest" => Place::Rest,
            "ca" | "uk" | "eu" | "in" | "ir" | "il" | "fr" | "kr" | "ru" | "de" | "jp"
            | "other" | "other_incl_ca" => Place::Other,
            _ => Place::Neutral,
        }
    }

    /// The short name stylesheets use (`--place-us`, `data-place="us"`).
    pub const fn code(self) -> &'static str {
        match self {
            Place::Us => "us",
            Place::China => "cn",
            Place::Rest => "rest",
            Place::Other => "other",
            Place::Neutral => "neutral",
        }
    }
}
