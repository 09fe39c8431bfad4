//! Markup helpers: every reader-facing text goes into a page in both languages, and the
//! page shows one of them (`:root[lang]` in the stylesheet, set by `boot.js` before the
//! first paint).

use maud::{html, Markup};
use talent_core::copy::Text;
use talent_core::Lang;

/// The BCP 47 tag of a language.
pub const fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-Hans",
    }
}

/// The short code of a language in links and attributes.
pub const fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// Both languages.
pub const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];

/// A text in both languages, each in a span the stylesheet shows only in its language.
pub fn bi(text: Text) -> Markup {
    pair(text.en, text.zh)
}

/// Two strings as a bilingual pair.
pub fn pair(en: &str, zh: &str) -> Markup {
    html! {
        span lang="en" data-l="en" { (en) }
        span lang="zh-Hans" data-l="zh" { (zh) }
    }
}

/// A pair built by calling `f` in each language.
pub fn each(f: impl Fn(Lang) -> String) -> Markup {
    pair(&f(Lang::En), &f(Lang::Zh))
}

/// A pair of markup built by calling `f` in each language, for texts that contain markup.
pub fn each_markup(f: impl Fn(Lang) -> Markup) -> Markup {
    html! {
        span lang="en" data-l="en" { (f(Lang::En)) }
        span lang="zh-Hans" data-l="zh" { (f(Lang::Zh)) }
    }
}

/// An attribute value that has to be in one language: both joined with " · ".
pub fn both(text: Text) -> String {
    format!("{} · {}", text.en, text.zh)
}
