//! Every reader-facing text of the app, in English and Chinese, from `data/copy/*.toml`.
//!
//! `build.rs` turns each entry into a constant (`[chart] top100_title` becomes
//! [`CHART_TOP100_TITLE`]), so code names texts the compiler checks, a text without its
//! other language fails the build, and the wasm links only the texts it uses. Figures
//! never appear in these texts: a sentence with a number has a `{placeholder}` that the
//! code fills from the data pack.

use crate::Lang;

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese.
    pub zh: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }

    /// The text in `lang` with each `{name}` replaced by its value. A placeholder without
    /// a value stays as it is, visible rather than silently dropped.
    ///
    /// ```
    /// use talent_core::copy::Text;
    /// use talent_core::Lang;
    /// let t = Text { en: "{n} of {total}", zh: "{total}人中的{n}人" };
    /// assert_eq!(t.fill(Lang::Zh, &[("n", "87"), ("total", "100")]), "100人中的87人");
    /// ```
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let text = self.get(lang);
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let tail = &rest[start..];
            let Some(end) = tail.find('}') else {
                out.push_str(tail);
                return out;
            };
            let name = &tail[1..end];
            match values.iter().find(|(key, _)| *key == name) {
                Some((_, value)) => out.push_str(value),
                None => out.push_str(&tail[..=end]),
            }
            rest = &tail[end + 1..];
        }
        out.push_str(rest);
        out
    }
}

include!(concat!(env!("OUT_DIR"), "/copy.rs"));
