//! The view state a link carries, and its forgiving, versioned query-string codec.
//!
//! Defaults are omitted so links stay short; unknown keys are ignored; a bad value
//! falls back to its default and is reported as an [`Issue`], never a panic.

use crate::Lang;

/// Version of the link format written by [`UrlState::to_query`].
pub const VERSION: u32 = 1;

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    /// Where top AI talent comes from and works, by country.
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
    pub const ALL: [View; 5] = [
        View::Countries,
        View::Subfields,
        View::Flows,
        View::WhatIf,
        View::Sources,
    ];

    /// The code used in links.
    pub fn code(self) -> &'static str {
        match self {
            View::Countries => "countries",
            View::Subfields => "subfields",
            View::Flows => "flows",
            View::WhatIf => "whatif",
            View::Sources => "sources",
        }
    }

    fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// Everything a shared link reproduces.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct UrlState {
    /// The page shown.
    pub view: View,
    /// The language, when the link fixes it (otherwise the browser's preference).
    pub lang: Option<Lang>,
}

/// A part of a link that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// The key.
    pub key: String,
    /// The value as written.
    pub raw: String,
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

impl UrlState {
    /// Reads a query string (with or without the leading `?`).
    ///
    /// Returns the state and the parts that were ignored. A link of an unknown
    /// version gives the default state with one issue.
    ///
    /// ```
    /// use talent_core::url_state::{UrlState, View};
    /// let (state, issues) = UrlState::from_query("?v=1&view=flows&lang=zh&x=1");
    /// assert_eq!(state.view, View::Flows);
    /// assert!(issues.is_empty()); // unknown keys are ignored silently
    /// ```
    pub fn from_query(query: &str) -> (UrlState, Vec<Issue>) {
        let mut state = UrlState::default();
        let mut issues = Vec::new();
        let pairs = query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty());
        let pairs: Vec<(&str, &str)> = pairs
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        if let Some((_, version)) = pairs.iter().find(|(k, _)| *k == "v") {
            if version.parse::<u32>() != Ok(VERSION) {
                issues.push(Issue {
                    key: "v".into(),
                    raw: (*version).to_string(),
                });
                return (state, issues);
            }
        }
        for (key, raw) in pairs {
            let ok = match key {
                "view" => View::from_code(raw).map(|view| state.view = view).is_some(),
                "lang" => match raw {
                    "en" => Some(Lang::En),
                    "zh" => Some(Lang::Zh),
                    _ => None,
                }
                .map(|lang| state.lang = Some(lang))
                .is_some(),
                _ => true,
            };
            if !ok {
                issues.push(Issue {
                    key: key.to_string(),
                    raw: raw.to_string(),
                });
            }
        }
        (state, issues)
    }

    /// Writes the state as a query string without the `?`, omitting defaults.
    ///
    /// ```
    /// use talent_core::url_state::{UrlState, View};
    /// assert_eq!(UrlState::default().to_query(), "");
    /// let state = UrlState { view: View::WhatIf, lang: None };
    /// assert_eq!(state.to_query(), "v=1&view=whatif");
    /// ```
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.view != View::default() {
            parts.push(format!("view={}", self.view.code()));
        }
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang_code(lang)));
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
    fn round_trips_every_view_and_language() {
        for view in View::ALL {
            for lang in [None, Some(Lang::En), Some(Lang::Zh)] {
                let state = UrlState { view, lang };
                let (back, issues) = UrlState::from_query(&state.to_query());
                assert_eq!(back, state);
                assert!(issues.is_empty());
            }
        }
    }

    #[test]
    fn bad_values_fall_back_and_are_reported() {
        let (state, issues) = UrlState::from_query("view=nowhere&lang=fr&&=&view");
        assert_eq!(state, UrlState::default());
        let keys: Vec<&str> = issues.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["view", "lang", "view"]);
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
}
