//! The view state a link carries, and its forgiving, versioned query-string codec.
//!
//! Defaults are omitted so links stay short; unknown keys are ignored; a bad value
//! falls back to its default (numbers are clamped into range) and is reported as an
//! [`Issue`], never a panic. Numbers are written in Rust's shortest round-trip form, so
//! a decoded state encodes to the same link and decodes to the same bits: the sender
//! and the recipient compute from identical inputs.
//!
//! Version 2 (2026-12): the view is the page's folder (`flows/`), not a key; otherwise as
//! version 1. Version 1 (2026-11): `v=1`, `view`, `lang`, `theme`, Countries `y`, `tier`, `sort`,
//! `hl`; Flows `flow`, `pin`; What-if one key per scenario field (see [`SCENARIO_KEYS`]).

use crate::model::projection::Scenario;
use crate::series::countries::Tier;
use crate::{Dataset, Lang};

/// Version of the link format written by [`UrlState::to_query`]. Version 2 (2026-12)
/// names the page by its folder (`flows/?v=2&lang=zh`) instead of a `view` key; links of
/// version 1 (`?v=1&view=flows`) still decode.
pub const VERSION: u32 = 2;

/// Versions [`UrlState::from_query`] reads.
const READS: [u32; 2] = [1, 2];

/// Longest identifier accepted for highlights, flows and pins.
const MAX_ID_LEN: usize = 48;

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    /// The key findings: the page at the site's root.
    Story,
    /// Where top AI talent comes from and works, by country (the default of `v=1` links).
    #[default]
    Countries,
    /// Strengths by AI subfield.
    Subfields,
    /// Movements between countries, cities and careers.
    Flows,
    /// Retention scenarios.
    WhatIf,
    /// Datasets, definitions, caveats and discrepancies.
    Sources,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 6] = [
        View::Story,
        View::Countries,
        View::Subfields,
        View::Flows,
        View::WhatIf,
        View::Sources,
    ];

    /// The code used in links.
    pub fn code(self) -> &'static str {
        match self {
            View::Story => "story",
            View::Countries => "countries",
            View::Subfields => "subfields",
            View::Flows => "flows",
            View::WhatIf => "whatif",
            View::Sources => "sources",
        }
    }

    /// The view of a code used in links.
    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }

    /// The folder of the view's page, relative to the site's root: `""` for the story,
    /// `"flows/"` for Flows.
    pub fn path(self) -> &'static str {
        match self {
            View::Story => "",
            View::Countries => "countries/",
            View::Subfields => "subfields/",
            View::Flows => "flows/",
            View::WhatIf => "whatif/",
            View::Sources => "sources/",
        }
    }
}

/// Colour theme chosen by the reader; without one the page follows the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

/// Everything a shared link reproduces.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlState {
    /// The page shown.
    pub view: View,
    /// The language, when the link fixes it (otherwise the browser's preference).
    pub lang: Option<Lang>,
    /// The theme, when the link fixes it (otherwise the system's).
    pub theme: Option<Theme>,
    /// Countries: MacroPolo edition.
    pub year: u16,
    /// Countries: MacroPolo tier.
    pub tier: Tier,
    /// Countries: origin chart sorted by value.
    pub sorted: bool,
    /// Countries: highlighted category key.
    pub highlight: Option<String>,
    /// Flows: the career-path diagram shown.
    pub flow: Option<String>,
    /// Flows: the pinned node or link.
    pub pin: Option<String>,
    /// What-if: every parameter.
    pub scenario: Scenario,
}

impl Default for UrlState {
    fn default() -> Self {
        UrlState {
            view: View::default(),
            lang: None,
            theme: None,
            year: crate::series::countries::MACROPOLO_YEARS[0],
            tier: Tier::TopTier,
            sorted: false,
            highlight: None,
            flow: None,
            pin: None,
            scenario: default_scenario(),
        }
    }
}

/// The default scenario, computed once: every link parse starts from it.
fn default_scenario() -> Scenario {
    static DEFAULT: std::sync::LazyLock<Scenario> =
        std::sync::LazyLock::new(|| Scenario::from_dataset(Dataset::embedded()));
    *DEFAULT
}

/// A part of a link that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// The key.
    pub key: String,
    /// The value as written (shortened).
    pub raw: String,
}

type Field = (&'static str, fn(&Scenario) -> f64, fn(&mut Scenario, f64));

/// Link keys of the scenario fields. Short and stable: they are part of version 1.
pub const SCENARIO_KEYS: [Field; 17] = [
    ("g", |s| s.cohort_growth, |s, v| s.cohort_growth = v),
    ("c0", |s| s.first_cohort, |s, v| s.first_cohort = v),
    ("ou", |s| s.origin_us, |s, v| s.origin_us = v),
    ("oc", |s| s.origin_china, |s, v| s.origin_china = v),
    ("or", |s| s.origin_rest, |s, v| s.origin_rest = v),
    ("cu", |s| s.china_to_us, |s, v| s.china_to_us = v),
    ("cc", |s| s.china_stay, |s, v| s.china_stay = v),
    ("cr", |s| s.china_to_rest, |s, v| s.china_to_rest = v),
    ("uu", |s| s.us_stay, |s, v| s.us_stay = v),
    ("uc", |s| s.us_to_china, |s, v| s.us_to_china = v),
    ("ur", |s| s.us_to_rest, |s, v| s.us_to_rest = v),
    ("ru", |s| s.rest_to_us, |s, v| s.rest_to_us = v),
    ("rc", |s| s.rest_to_china, |s, v| s.rest_to_china = v),
    ("rr", |s| s.rest_stay, |s, v| s.rest_stay = v),
    (
        "r",
        |s| s.us_retention_china,
        |s, v| s.us_retention_china = v,
    ),
    ("ro", |s| s.other_retention, |s, v| s.other_retention = v),
    ("h", |s| s.return_home_share, |s, v| s.return_home_share = v),
];

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// Identifiers in links: lowercase ASCII letters, digits, `_` and `-`, not too long.
fn identifier(raw: &str) -> Option<String> {
    let ok = !raw.is_empty()
        && raw.len() <= MAX_ID_LEN
        && raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    ok.then(|| raw.to_string())
}

fn shorten(raw: &str) -> String {
    raw.chars().take(24).collect()
}

impl UrlState {
    /// Reads a query string (with or without the leading `?`).
    ///
    /// Returns the state and the parts that were ignored. A link of an unknown
    /// version gives the default state with one issue.
    ///
    /// ```
    /// use talent_core::link::url_state::{UrlState, View};
    /// let (state, issues) = UrlState::from_query("?v=1&view=flows&lang=zh&x=1");
    /// assert_eq!(state.view, View::Flows);
    /// assert!(issues.is_empty()); // unknown keys are ignored silently
    /// ```
    pub fn from_query(query: &str) -> (UrlState, Vec<Issue>) {
        let mut state = UrlState::default();
        let mut issues = Vec::new();
        let pairs: Vec<(&str, &str)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        if let Some((_, version)) = pairs.iter().find(|(k, _)| *k == "v") {
            if !version.parse::<u32>().is_ok_and(|v| READS.contains(&v)) {
                issues.push(Issue {
                    key: "v".into(),
                    raw: shorten(version),
                });
                return (state, issues);
            }
        }
        for (key, raw) in pairs {
            if !state.apply(key, raw) {
                issues.push(Issue {
                    key: shorten(key),
                    raw: shorten(raw),
                });
            }
        }
        let clamped = state.scenario.clamped();
        if clamped != state.scenario {
            state.scenario = clamped;
        }
        (state, issues)
    }

    /// Applies one key; false when the value cannot be used (unknown keys are fine).
    fn apply(&mut self, key: &str, raw: &str) -> bool {
        match key {
            "v" => true,
            "view" => View::from_code(raw).map(|v| self.view = v).is_some(),
            "lang" => match raw {
                "en" => Some(Lang::En),
                "zh" => Some(Lang::Zh),
                _ => None,
            }
            .map(|lang| self.lang = Some(lang))
            .is_some(),
            "theme" => match raw {
                "light" => Some(Theme::Light),
                "dark" => Some(Theme::Dark),
                _ => None,
            }
            .map(|theme| self.theme = Some(theme))
            .is_some(),
            "y" => raw
                .parse::<u16>()
                .ok()
                .filter(|y| crate::series::countries::MACROPOLO_YEARS.contains(y))
                .map(|y| self.year = y)
                .is_some(),
            "tier" => match raw {
                "top" => Some(Tier::TopTier),
                "elite" => Some(Tier::Elite),
                _ => None,
            }
            .map(|tier| self.tier = tier)
            .is_some(),
            "sort" => match raw {
                "1" => Some(true),
                "0" => Some(false),
                _ => None,
            }
            .map(|sorted| self.sorted = sorted)
            .is_some(),
            "hl" => identifier(raw)
                .map(|id| self.highlight = Some(id))
                .is_some(),
            "flow" => identifier(raw).map(|id| self.flow = Some(id)).is_some(),
            "pin" => identifier(raw).map(|id| self.pin = Some(id)).is_some(),
            "end" => match raw.parse::<i64>() {
                // Out-of-range years are clamped by `Scenario::clamped`.
                Ok(year) => {
                    self.scenario.end_year = year.clamp(0, i64::from(u16::MAX)) as u16;
                    true
                }
                Err(_) => false,
            },
            _ => match SCENARIO_KEYS.iter().find(|(k, ..)| *k == key) {
                Some((_, _, set)) => match raw.parse::<f64>() {
                    Ok(value) if value.is_finite() => {
                        set(&mut self.scenario, value);
                        true
                    }
                    _ => false,
                },
                None => true,
            },
        }
    }

    /// Writes the state as a query string without the `?`, omitting defaults and the
    /// view (the page's folder names it).
    ///
    /// ```
    /// use talent_core::link::url_state::{Theme, UrlState, View};
    /// assert_eq!(UrlState::default().to_query(), "");
    /// let state = UrlState { view: View::WhatIf, theme: Some(Theme::Dark), ..UrlState::default() };
    /// assert_eq!(state.to_query(), "v=2&theme=dark");
    /// ```
    pub fn to_query(&self) -> String {
        let default = UrlState::default();
        let mut parts = Vec::new();
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang_code(lang)));
        }
        if let Some(theme) = self.theme {
            parts.push(format!(
                "theme={}",
                if theme == Theme::Dark {
                    "dark"
                } else {
                    "light"
                }
            ));
        }
        if self.year != default.year {
            parts.push(format!("y={}", self.year));
        }
        if self.tier != default.tier {
            parts.push("tier=elite".into());
        }
        if self.sorted {
            parts.push("sort=1".into());
        }
        for (key, value) in [
            ("hl", &self.highlight),
            ("flow", &self.flow),
            ("pin", &self.pin),
        ] {
            if let Some(value) = value {
                parts.push(format!("{key}={value}"));
            }
        }
        if self.scenario.end_year != default.scenario.end_year {
            parts.push(format!("end={}", self.scenario.end_year));
        }
        for (key, get, _) in SCENARIO_KEYS {
            let value = get(&self.scenario);
            if value.to_bits() != get(&default.scenario).to_bits() {
                parts.push(format!("{key}={value}"));
            }
        }
        if parts.is_empty() {
            return String::new();
        }
        format!("v={VERSION}&{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_views_languages_and_toggles() {
        for view in View::ALL {
            for lang in [None, Some(Lang::En), Some(Lang::Zh)] {
                let state = UrlState {
                    view,
                    lang,
                    theme: Some(Theme::Dark),
                    year: 2022,
                    tier: Tier::Elite,
                    sorted: true,
                    highlight: Some("cn".into()),
                    flow: Some("carnegie".into()),
                    pin: Some("us_companies".into()),
                    ..UrlState::default()
                };
                // The view travels in the page's folder, not in the query.
                let (mut back, issues) = UrlState::from_query(&state.to_query());
                assert_eq!(back.view, View::default());
                back.view = view;
                assert_eq!(back, state);
                assert!(issues.is_empty());
            }
        }
    }

    #[test]
    fn a_changed_slider_is_written_and_read_back_exactly() {
        let mut state = UrlState::default();
        state.scenario.set_share_china_to_us(0.3);
        state.scenario.us_retention_china = 0.9;
        let query = state.to_query();
        assert!(query.contains("r=0.9"), "{query}");
        assert!(query.contains("cu=0.3"), "{query}");
        let (back, issues) = UrlState::from_query(&query);
        assert!(issues.is_empty());
        assert_eq!(back, state);
    }

    #[test]
    fn bad_values_fall_back_or_clamp_and_are_reported() {
        let (state, issues) =
            UrlState::from_query("view=nowhere&lang=fr&&=&view&y=2020&hl=%3Cscript%3E&r=abc");
        assert_eq!(state, UrlState::default());
        let keys: Vec<&str> = issues.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["view", "lang", "view", "y", "hl", "r"]);
        // Out of range: clamped, not rejected.
        let (state, issues) = UrlState::from_query("r=7&end=99999&g=-3");
        assert!(issues.is_empty());
        assert_eq!(
            state.scenario.us_retention_china,
            crate::model::projection::RETENTION_MAX
        );
        assert_eq!(
            state.scenario.end_year,
            crate::model::projection::MAX_END_YEAR
        );
        assert_eq!(
            state.scenario.cohort_growth,
            crate::model::projection::GROWTH_MIN
        );
    }

    #[test]
    fn an_unknown_version_gives_the_default_view() {
        let (state, issues) = UrlState::from_query("v=9&view=flows");
        assert_eq!(state, UrlState::default());
        assert_eq!(
            issues,
            vec![Issue {
                key: "v".into(),
                raw: "9".into()
            }]
        );
    }

    #[test]
    fn coupled_shares_from_a_link_are_renormalised() {
        // 0.9 + 0.9 + 0.9 = 2.7, so each becomes 0.9 / 2.7 = 1/3.
        let (state, _) = UrlState::from_query("cu=0.9&cc=0.9&cr=0.9");
        let s = state.scenario;
        assert!((s.china_to_us + s.china_stay + s.china_to_rest - 1.0).abs() < 1e-12);
        assert!((s.china_to_us - 1.0 / 3.0).abs() < 1e-12);
    }
}
