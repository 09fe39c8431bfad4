//! The view state a link carries, and its forgiving, versioned query-string codec.
//!
//! Defaults are omitted so links stay short; unknown keys are ignored. Every what-if
//! parameter is written rounded to its step ([`Param::decimals`]), a group of shares as a
//! whole so it still adds up to 1 ([`Scenario::rounded`]); a link with longer decimals
//! opens the same scenario, rounded the same way. A value that cannot be used, is out of
//! range, or belongs to shares that do not add up is replaced by the nearest valid one and
//! reported as a [`Notice`] naming the key and the change; nothing panics. A decoded state
//! encodes to a link that decodes to exactly the same state. The page should keep its
//! scenario [`Scenario::rounded`] as well, so the sender and the recipient of a link
//! compute from identical inputs.
//!
//! Version 2 (2026-12): the view is the page's folder (`flows/`), not a key; otherwise as
//! version 1. Version 1 (2026-11): `v=1`, `view`, `lang`, `theme`, Countries `y`, `tier`,
//! `sort`, `hl`; Flows `flow`, `pin`; What-if one key per [`Param`] ([`Param::key`]) and a
//! pinned baseline: `b=1` and the same keys prefixed `b.` where the baseline differs from
//! the defaults. `c0`, the first cohort of the earlier stock model, is retired: read and
//! reported, never written.

use crate::model::projection::{FixReason, Param, Scenario};
use crate::series::countries::Tier;
use crate::Lang;

/// Version of the link format written by [`UrlState::to_query`]. Version 2 (2026-12)
/// names the page by its folder (`flows/?v=2&lang=zh`) instead of a `view` key; links of
/// version 1 (`?v=1&view=flows`) still decode.
pub const VERSION: u32 = 2;

/// Versions [`UrlState::from_query`] reads.
const READS: [u32; 2] = [1, 2];

/// Longest identifier accepted for highlights, flows and pins.
const MAX_ID_LEN: usize = 48;

/// Prefix of the pinned baseline's parameters.
pub const BASELINE_PREFIX: &str = "b.";

/// Key that marks a pinned baseline (`b=1`), also when it equals the defaults.
pub const BASELINE_KEY: &str = "b";

/// Keys of earlier versions of the model that links may still carry.
pub const RETIRED_KEYS: [&str; 1] = ["c0"];

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

    /// The view whose page is at `path` (an address's path) on a site whose root is at
    /// `root` (`"/"`, or `"/talent/"` under a sub-path): its first folder after the root
    /// and the Chinese copies' `zh/`. The story for the root and for any other folder.
    pub fn of_path(path: &str, root: &str) -> View {
        let rest = path.strip_prefix(root).unwrap_or(path);
        let rest = rest.strip_prefix("zh/").unwrap_or(rest);
        let folder = rest.split('/').next().unwrap_or("");
        View::ALL
            .into_iter()
            .find(|v| !folder.is_empty() && v.path().trim_end_matches('/') == folder)
            .unwrap_or(View::Story)
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
    /// What-if: the scenario pinned as a baseline to compare with.
    pub baseline: Option<Scenario>,
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
            scenario: Scenario::default(),
            baseline: None,
        }
    }
}

/// What reading a part of a link changed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// The value cannot be used (not a number, not a known code): the default stays.
    Ignored,
    /// The link's version is unknown: the whole link is read as the default view.
    UnknownVersion,
    /// A key of an earlier model, no longer used.
    Retired,
    /// Out of range: the nearest bound is used.
    Clamped {
        /// The value used.
        to: f64,
    },
    /// The shares of its group did not add up to 1: rescaled.
    Rescaled {
        /// The value used.
        to: f64,
    },
    /// The pinned baseline could not be read as it is, so it was dropped.
    BaselineDropped,
}

/// A part of a link that was not used as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// The key.
    pub key: String,
    /// The value as written (shortened; empty for a share that was not in the link but
    /// was rescaled with the ones that were).
    pub raw: String,
    /// What was done instead.
    pub change: Change,
}

fn notice(key: &str, raw: &str, change: Change) -> Notice {
    Notice {
        key: shorten(key),
        raw: shorten(raw),
        change,
    }
}

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

/// A number as a link writes it: `decimals` decimals, trailing zeros dropped.
fn write_number(value: f64, decimals: u8) -> String {
    let fixed = format!("{:.*}", usize::from(decimals), value);
    if fixed.contains('.') {
        fixed
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        fixed
    }
}

/// The parameters a link gives for one scenario, before they are checked.
struct Written<'a> {
    raw: [Option<&'a str>; Param::COUNT],
    values: [f64; Param::COUNT],
}

impl<'a> Written<'a> {
    fn new() -> Written<'a> {
        Written {
            raw: [None; Param::COUNT],
            values: *Scenario::default().values(),
        }
    }

    /// Takes a number; false when it is not a finite number.
    fn take(&mut self, param: Param, raw: &'a str) -> bool {
        match raw.parse::<f64>() {
            Ok(v) if v.is_finite() => {
                self.raw[param.index()] = Some(raw);
                self.values[param.index()] = v;
                true
            }
            _ => false,
        }
    }

    fn given(&self) -> bool {
        self.raw.iter().any(Option::is_some)
    }

    /// The nearest valid scenario, rounded as links round, and what was changed.
    fn read(&self) -> (Scenario, Vec<Notice>) {
        let defaults = Scenario::default();
        let (s, fixes) = Scenario::from_values(self.values)
            .repaired(&defaults, |p| self.raw[p.index()].is_some());
        let notices = fixes
            .into_iter()
            .map(|fix| {
                let raw = self.raw[fix.param.index()].unwrap_or("");
                let change = match fix.reason {
                    FixReason::OutOfRange => Change::Clamped { to: fix.to },
                    FixReason::SharesRescaled => Change::Rescaled { to: fix.to },
                    FixReason::NotANumber => Change::Ignored,
                };
                notice(fix.param.key(), raw, change)
            })
            .collect();
        (s.rounded(), notices)
    }
}

impl UrlState {
    /// Reads a query string (with or without the leading `?`).
    ///
    /// Returns the state and the notices of what was not used as written. A link of an
    /// unknown version gives the default state with one notice.
    ///
    /// ```
    /// use talent_core::link::url_state::{Change, UrlState, View};
    /// let (state, notices) = UrlState::from_query("?v=1&view=flows&lang=zh&x=1");
    /// assert_eq!(state.view, View::Flows);
    /// assert!(notices.is_empty()); // unknown keys are ignored silently
    /// let (state, notices) = UrlState::from_query("r=7");
    /// assert_eq!(state.scenario.get(talent_core::model::projection::Param::RetentionUsChina), 1.0);
    /// assert_eq!(notices[0].change, Change::Clamped { to: 1.0 });
    /// ```
    pub fn from_query(query: &str) -> (UrlState, Vec<Notice>) {
        let mut state = UrlState::default();
        let mut notices = Vec::new();
        let pairs: Vec<(&str, &str)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        if let Some((_, version)) = pairs.iter().find(|(k, _)| *k == "v") {
            if !version.parse::<u32>().is_ok_and(|v| READS.contains(&v)) {
                notices.push(notice("v", version, Change::UnknownVersion));
                return (state, notices);
            }
        }
        let mut scenario = Written::new();
        let mut baseline = Written::new();
        let mut pinned = false;
        let mut unreadable_baseline: Option<(&str, &str)> = None;
        for (key, raw) in pairs {
            if let Some(name) = key.strip_prefix(BASELINE_PREFIX) {
                pinned = true;
                if let Some(param) = Param::from_key(name) {
                    if !baseline.take(param, raw) {
                        unreadable_baseline.get_or_insert((key, raw));
                    }
                }
            } else if key == BASELINE_KEY {
                if raw == "1" {
                    pinned = true;
                } else {
                    notices.push(notice(key, raw, Change::Ignored));
                }
            } else if let Some(param) = Param::from_key(key) {
                if !scenario.take(param, raw) {
                    notices.push(notice(key, raw, Change::Ignored));
                }
            } else if RETIRED_KEYS.contains(&key) {
                notices.push(notice(key, raw, Change::Retired));
            } else if !state.apply(key, raw) {
                notices.push(notice(key, raw, Change::Ignored));
            }
        }
        let (s, fixes) = scenario.read();
        state.scenario = s;
        notices.extend(fixes);
        if pinned {
            let (b, fixes) = baseline.read();
            let problem = unreadable_baseline
                .map(|(key, raw)| notice(key, raw, Change::BaselineDropped))
                .or_else(|| {
                    fixes.first().map(|f| {
                        let key = format!("{BASELINE_PREFIX}{}", f.key);
                        notice(&key, &f.raw, Change::BaselineDropped)
                    })
                });
            match problem {
                Some(n) => notices.push(n),
                None => state.baseline = Some(b),
            }
        } else {
            debug_assert!(!baseline.given());
        }
        (state, notices)
    }

    /// Applies one key that is not a what-if parameter; false when the value cannot be
    /// used (unknown keys are fine).
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
            _ => true,
        }
    }

    /// Writes the state as a query string without the `?`, omitting defaults and the
    /// view (the page's folder names it); what-if parameters rounded to their steps.
    ///
    /// ```
    /// use talent_core::link::url_state::{Theme, UrlState, View};
    /// use talent_core::model::projection::Param;
    /// assert_eq!(UrlState::default().to_query(), "");
    /// let mut state = UrlState { view: View::WhatIf, theme: Some(Theme::Dark), ..UrlState::default() };
    /// assert_eq!(state.to_query(), "v=2&theme=dark");
    /// state.scenario.set(Param::RetentionUsChina, 0.9012);
    /// assert_eq!(state.to_query(), "v=2&theme=dark&r=0.901");
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
        write_scenario(&mut parts, "", &self.scenario, &default.scenario);
        if let Some(baseline) = &self.baseline {
            parts.push(format!("{BASELINE_KEY}=1"));
            write_scenario(&mut parts, BASELINE_PREFIX, baseline, &default.scenario);
        }
        if parts.is_empty() {
            return String::new();
        }
        format!("v={VERSION}&{}", parts.join("&"))
    }

    /// The path of this state's page, from the site's root, for a link a reader in `lang`
    /// shares: Chinese pages live under `zh/`, so the link opens in the language its
    /// sender read (an English reader's explicit choice stays in the query, else the
    /// recipient's browser decides); the theme is the sender's preference and stays out.
    ///
    /// ```
    /// use talent_core::link::url_state::{Theme, UrlState, View};
    /// use talent_core::Lang;
    /// let state = UrlState { view: View::Flows, theme: Some(Theme::Dark), ..UrlState::default() };
    /// assert_eq!(state.shared_path(Lang::Zh), "zh/flows/");
    /// assert_eq!(state.shared_path(Lang::En), "flows/");
    /// let chosen = UrlState { lang: Some(Lang::En), ..state };
    /// assert_eq!(chosen.shared_path(Lang::En), "flows/?v=2&lang=en");
    /// ```
    pub fn shared_path(&self, lang: Lang) -> String {
        let state = UrlState {
            lang: (lang == Lang::En).then_some(self.lang).flatten(),
            theme: None,
            ..self.clone()
        };
        let folder = if lang == Lang::Zh { "zh/" } else { "" };
        let query = state.to_query();
        let query = if query.is_empty() {
            query
        } else {
            format!("?{query}")
        };
        format!("{folder}{}{query}", self.view.path())
    }
}

/// Writes the parameters of `scenario` that differ from `defaults`, rounded.
fn write_scenario(parts: &mut Vec<String>, prefix: &str, scenario: &Scenario, defaults: &Scenario) {
    let s = scenario.clamped().rounded();
    for p in Param::ALL {
        let v = s.get(p);
        if v.to_bits() != defaults.get(p).to_bits() {
            parts.push(format!(
                "{prefix}{}={}",
                p.key(),
                write_number(v, p.decimals())
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_path_names_its_view_at_the_root_under_zh_and_under_a_sub_path() {
        assert_eq!(View::of_path("/", "/"), View::Story);
        assert_eq!(View::of_path("/zh/", "/"), View::Story);
        assert_eq!(View::of_path("/flows/", "/"), View::Flows);
        assert_eq!(View::of_path("/zh/whatif/", "/"), View::WhatIf);
        assert_eq!(
            View::of_path("/talent/zh/sources/index.html", "/talent/"),
            View::Sources
        );
        assert_eq!(
            View::of_path("/talent/countries/", "/talent/"),
            View::Countries
        );
        // Not a view's folder (an embed page, a mistyped link): the story.
        assert_eq!(View::of_path("/embed/origin/", "/"), View::Story);
        assert_eq!(View::of_path("/flowsx/", "/"), View::Story);
    }
    use crate::model::projection::Group;

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
                let (mut back, notices) = UrlState::from_query(&state.to_query());
                assert_eq!(back.view, View::default());
                back.view = view;
                assert_eq!(back, state);
                assert!(notices.is_empty());
            }
        }
    }

    #[test]
    fn a_moved_slider_is_written_rounded_and_read_back_exactly() {
        let mut state = UrlState::default();
        state.scenario.set(Param::ChinaToUs, 0.3);
        state.scenario.set(Param::RetentionUsChina, 0.9);
        let query = state.to_query();
        assert!(
            query.contains("r=0.9&") || query.ends_with("r=0.9"),
            "{query}"
        );
        assert!(query.contains("cu=0.3&"), "{query}");
        // The China-origin group is written as a whole, two decimals, adding up to 1.
        let (back, notices) = UrlState::from_query(&query);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back.scenario, state.scenario.rounded());
        let group = back
            .scenario
            .group(Group::FirstJobs(crate::model::projection::Region::China));
        assert_eq!(group[0], 0.3);
        assert_eq!(group.iter().sum::<f64>(), 1.0);
        assert_eq!(back.to_query(), query);
    }

    #[test]
    fn old_links_with_floating_point_noise_open_the_rounded_scenario() {
        // The old codec wrote coupled shares in shortest round-trip form.
        let old = "v=1&view=whatif&cu=0.3&cc=0.5599999999999999&cr=0.14000000000000001";
        let (state, notices) = UrlState::from_query(old);
        assert!(notices.is_empty(), "{notices:?}");
        let s = state.scenario;
        assert_eq!(
            [
                s.get(Param::ChinaToUs),
                s.get(Param::ChinaStay),
                s.get(Param::ChinaToRest)
            ],
            [0.3, 0.56, 0.14]
        );
        assert_eq!(state.to_query(), "v=2&cu=0.3&cc=0.56&cr=0.14");
    }

    #[test]
    fn bad_values_fall_back_clamp_or_rescale_and_are_reported() {
        let (state, notices) =
            UrlState::from_query("view=nowhere&lang=fr&&=&view&y=2020&hl=%3Cscript%3E&r=abc");
        assert_eq!(state, UrlState::default());
        let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["view", "lang", "view", "y", "hl", "r"]);
        assert!(notices.iter().all(|n| n.change == Change::Ignored));
        // Out of range: clamped, and said so.
        let (state, notices) = UrlState::from_query("r=7&end=99999&g=-3");
        assert_eq!(state.scenario.get(Param::RetentionUsChina), 1.0);
        assert_eq!(state.scenario.end_year(), 2040);
        assert_eq!(state.scenario.get(Param::Growth), 0.0);
        let changes: Vec<(&str, Change)> =
            notices.iter().map(|n| (n.key.as_str(), n.change)).collect();
        assert_eq!(
            changes,
            [
                ("end", Change::Clamped { to: 2040.0 }),
                ("g", Change::Clamped { to: 0.0 }),
                ("r", Change::Clamped { to: 1.0 }),
            ]
        );
    }

    #[test]
    fn shares_that_do_not_add_up_are_rescaled_and_named() {
        // All three given, 0.9 + 0.9 + 0.9 = 2.7: each becomes 1/3, rounded to two
        // decimals as a group: 0.34, 0.33, 0.33.
        let (state, notices) = UrlState::from_query("cu=0.9&cc=0.9&cr=0.9");
        let s = state.scenario;
        assert_eq!(
            [
                s.get(Param::ChinaToUs),
                s.get(Param::ChinaStay),
                s.get(Param::ChinaToRest)
            ],
            [0.34, 0.33, 0.33]
        );
        let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["cu", "cc", "cr"]);
        assert!(matches!(notices[0].change, Change::Rescaled { .. }));
        // Only one given: it is kept and the two others fill the rest; they were not in
        // the link, so their notices carry no raw value.
        let (state, notices) = UrlState::from_query("cu=0.9");
        assert_eq!(state.scenario.get(Param::ChinaToUs), 0.9);
        let keys: Vec<(&str, &str)> = notices
            .iter()
            .map(|n| (n.key.as_str(), n.raw.as_str()))
            .collect();
        assert_eq!(keys, [("cc", ""), ("cr", "")]);
    }

    #[test]
    fn an_unknown_version_gives_the_default_view() {
        let (state, notices) = UrlState::from_query("v=9&view=flows");
        assert_eq!(state, UrlState::default());
        assert_eq!(notices, vec![notice("v", "9", Change::UnknownVersion)]);
    }

    #[test]
    fn the_retired_first_cohort_key_is_reported_not_used() {
        let (state, notices) = UrlState::from_query("c0=0.5&view=whatif");
        assert_eq!(state.view, View::WhatIf);
        assert_eq!(state.scenario, Scenario::default());
        assert_eq!(notices, vec![notice("c0", "0.5", Change::Retired)]);
    }

    #[test]
    fn a_pinned_baseline_round_trips_and_a_malformed_one_is_dropped() {
        let mut state = UrlState {
            view: View::WhatIf,
            baseline: Some(Scenario::default()),
            ..UrlState::default()
        };
        assert_eq!(state.to_query(), "v=2&b=1");
        let mut pinned = Scenario::default();
        pinned.set(Param::RetentionUsChina, 0.95);
        state.baseline = Some(pinned);
        state.scenario.set(Param::ChinaToUs, 0.5);
        let query = state.to_query();
        assert!(query.ends_with("&b=1&b.r=0.95"), "{query}");
        let (back, notices) = UrlState::from_query(&query);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back.baseline, Some(pinned.rounded()));
        assert_eq!(back.scenario, state.scenario.rounded());
        // A baseline value that is not a number drops the whole baseline, with a notice.
        let (back, notices) = UrlState::from_query("view=whatif&b.r=x&b.cu=0.5");
        assert_eq!(back.baseline, None);
        assert_eq!(notices, vec![notice("b.r", "x", Change::BaselineDropped)]);
        // So does one out of range; the scenario itself is untouched.
        let (back, notices) = UrlState::from_query("r=0.9&b.r=2");
        assert_eq!(back.baseline, None);
        assert_eq!(back.scenario.get(Param::RetentionUsChina), 0.9);
        assert_eq!(notices, vec![notice("b.r", "2", Change::BaselineDropped)]);
    }
}
